#pragma once
// For gtest tests: a fixture under tests/fixtures, and a test failure when it is missing.
#include "test_files.h"

#include <gtest/gtest.h>

#include <string>

namespace wslatlas::test {

inline std::string expectFixture(const std::string &relative)
{
    auto bytes = readFileIfPresent(fixturesDir() / relative);
    EXPECT_TRUE(bytes.has_value()) << "missing fixture " << relative;
    return bytes.value_or(std::string());
}

} // namespace wslatlas::test
