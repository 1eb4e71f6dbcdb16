#pragma once
// For gtest tests: a fixture under tests/fixtures, and a test failure when it is missing; core's Result
// (result.h) unpacked with its message in the failure.
#include "result.h"
#include "test_files.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <utility>

namespace wslatlas::test {

inline std::string expectFixture(const std::string &relative)
{
    auto bytes = readFileIfPresent(fixturesDir() / relative);
    EXPECT_TRUE(bytes.has_value()) << "missing fixture " << relative;
    return bytes.value_or(std::string());
}

// ASSERT_TRUE(succeeded(snapshotFromJson(text), snapshot)): the value into `value`, or a failure that shows
// the error's message.
template <typename T>::testing::AssertionResult succeeded(Result<T> result, T &value)
{
    if (const Error *error = errorOf(result))
        return ::testing::AssertionFailure() << error->message;
    value = std::get<T>(std::move(result));
    return ::testing::AssertionSuccess();
}

inline ::testing::AssertionResult succeeded(const std::optional<Error> &error)
{
    if (error)
        return ::testing::AssertionFailure() << error->message;
    return ::testing::AssertionSuccess();
}

// EXPECT_TRUE(failsWith(parsePlanJson(text), message)): whether it failed, with the error's message in
// `message` (empty on success).
template <typename T> bool failsWith(const Result<T> &result, std::string &message)
{
    const Error *error = errorOf(result);
    message = error ? error->message : std::string();
    return error != nullptr;
}

inline bool failsWith(const std::optional<Error> &error, std::string &message)
{
    message = error ? error->message : std::string();
    return error.has_value();
}

} // namespace wslatlas::test
