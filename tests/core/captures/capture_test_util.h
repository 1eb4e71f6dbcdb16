#pragma once
// Fixture loading and result unwrapping for the capture parser tests.
#include "capture_parsers.h"
#include "gtest_fixtures.h"

#include <gtest/gtest.h>

#include <string>

namespace wslatlas::testing {

inline std::string wslFixture(const std::string &name)
{
    return test::expectFixture("captures/wsl/" + name);
}

// The parsed value; a test failure (and a default value) when the parser returned an error.
template <typename T> T valueOf(const Result<T> &result, const std::string &what = {})
{
    if (const auto *error = std::get_if<Error>(&result)) {
        ADD_FAILURE() << what << ": unexpected error: " << error->message;
        return T{};
    }
    return std::get<T>(result);
}

// The error message; a test failure when the parser accepted the input.
template <typename T> std::string errorText(const Result<T> &result, const std::string &what = {})
{
    if (const auto *error = std::get_if<Error>(&result))
        return error->message;
    ADD_FAILURE() << what << ": expected an error, got a value";
    return {};
}

} // namespace wslatlas::testing
