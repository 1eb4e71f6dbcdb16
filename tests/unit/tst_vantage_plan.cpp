#include "vantage_plan.h"

#include <gtest/gtest.h>

using namespace wslatlas;

TEST(VantagePlan, ParsesTheDesignExample)
{
    const char *text = R"({"vantages": [
      {"name": "vm", "role": "vm", "command": ["wsl.exe", "--debug-shell"]},
      {"name": "system:Ubuntu-20.04", "role": "system", "distro": "Ubuntu-20.04",
       "command": ["wsl.exe", "--system", "-d", "Ubuntu-20.04", "-u", "root", "--exec", "sh", "-s"]},
      {"name": "Ubuntu-20.04", "role": "distro", "distro": "Ubuntu-20.04",
       "command": ["wsl.exe", "-d", "Ubuntu-20.04", "-u", "root", "--exec", "sh", "-s"]}]})";
    VantagePlan plan;
    PlanParseError error;
    ASSERT_TRUE(parsePlanJson(text, plan, error)) << error.message;
    ASSERT_EQ(plan.vantages.size(), 3u);
    EXPECT_EQ(plan.vantages[1].role, VantageRole::System);
    EXPECT_EQ(plan.vantages[1].distro, "Ubuntu-20.04");
    EXPECT_EQ(plan.vantages[1].command.size(), 9u);
    // Round trip through planToJson.
    VantagePlan again;
    ASSERT_TRUE(parsePlanJson(planToJson(plan), again, error)) << error.message;
    EXPECT_EQ(planToJson(again), planToJson(plan));
}

TEST(VantagePlan, RefusesBadPlansWithAReason)
{
    struct Case
    {
        const char *text;
        const char *expect;
    };
    const Case cases[] = {
        {"not json", "not valid JSON"},
        {"[]", "\"vantages\" array"},
        {R"({"vantages": []})", "no vantages"},
        {R"({"vantages": [{"role": "vm", "command": ["x"]}]})", "\"name\""},
        {R"({"vantages": [{"name": "a", "role": "king", "command": ["x"]}]})", "\"role\""},
        {R"({"vantages": [{"name": "a", "role": "distro", "command": ["x"]}]})", "needs the \"distro\""},
        {R"({"vantages": [{"name": "a", "role": "vm", "command": "sh -s"}]})", "array of strings"},
        {R"({"vantages": [{"name": "a", "role": "vm", "command": ["sh", 1]}]})", "must be a string"},
        {R"({"vantages": [{"name": "a", "role": "vm", "command": ["x"]}, {"name": "a", "role": "vm", "command": ["x"]}]})",
         "twice"},
    };
    for (const Case &c : cases) {
        VantagePlan plan;
        PlanParseError error;
        EXPECT_FALSE(parsePlanJson(c.text, plan, error)) << c.text;
        EXPECT_NE(error.message.find(c.expect), std::string::npos) << c.text << " -> " << error.message;
    }
}

TEST(VantagePlan, LocalPlanRunsAPlainShell)
{
    const VantagePlan plan = localPlan();
    ASSERT_EQ(plan.vantages.size(), 1u);
    EXPECT_EQ(plan.vantages[0].role, VantageRole::Host);
    EXPECT_EQ(plan.vantages[0].command, (std::vector<std::string>{"sh", "-s"}));
}
