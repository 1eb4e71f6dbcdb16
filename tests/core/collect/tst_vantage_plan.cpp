#include "gtest_fixtures.h"
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
    std::string error;
    ASSERT_TRUE(test::succeeded(parsePlanJson(text), plan));
    ASSERT_EQ(plan.vantages.size(), 3u);
    EXPECT_EQ(plan.vantages[1].role, VantageRole::System);
    EXPECT_EQ(plan.vantages[1].distro, "Ubuntu-20.04");
    EXPECT_EQ(plan.vantages[1].command.size(), 9u);
    // Round trip through planToJson.
    VantagePlan again;
    ASSERT_TRUE(test::succeeded(parsePlanJson(planToJson(plan)), again));
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
        std::string error;
        EXPECT_TRUE(test::failsWith(parsePlanJson(c.text), error)) << c.text;
        EXPECT_NE(error.find(c.expect), std::string::npos) << c.text << " -> " << error;
    }
}

TEST(VantagePlan, LocalPlanRunsAPlainShell)
{
    const VantagePlan plan = localPlan();
    ASSERT_EQ(plan.vantages.size(), 1u);
    EXPECT_EQ(plan.vantages[0].role, VantageRole::Host);
    EXPECT_EQ(plan.vantages[0].command, (std::vector<std::string>{"sh", "-s"}));
}

TEST(VantagePlan, WslPlanLooksOnlyAtRunningDistros)
{
    WslEnvironment env;
    env.runningWsl2Distros = {"Ubuntu-20.04", "kali-linux"};
    VantagePlan plan = wslPlan(env);
    std::vector<std::string> names;
    for (const VantageSpec &v : plan.vantages)
        names.push_back(v.name);
    EXPECT_EQ(names, (std::vector<std::string>{"system:Ubuntu-20.04", "Ubuntu-20.04", "system:kali-linux",
                                               "kali-linux"}));
    EXPECT_EQ(plan.vantages[0].command, (std::vector<std::string>{"wsl.exe", "--system", "-d", "Ubuntu-20.04",
                                                                  "-u", "root", "--exec", "sh", "-s"}));
    EXPECT_EQ(plan.vantages[1].role, VantageRole::Distro);
    // Not elevated: no VM root and no hnsdiag (both need administrator).
    for (const CaptureSpec &c : plan.captures)
        EXPECT_NE(c.kind, "hnsdiag-networks");
    EXPECT_EQ(plan.vantages.front().role, VantageRole::System);

    env.elevated = true;
    env.guiApplications = false; // wsl --system would fail with WSL_E_GUI_APPLICATIONS_DISABLED
    plan = wslPlan(env);
    names.clear();
    for (const VantageSpec &v : plan.vantages)
        names.push_back(v.name);
    EXPECT_EQ(names, (std::vector<std::string>{"vm", "Ubuntu-20.04", "kali-linux"}));
    EXPECT_EQ(plan.vantages[0].command, (std::vector<std::string>{"wsl.exe", "--debug-shell"}));
    bool hns = false, hkcu = false;
    for (const CaptureSpec &c : plan.captures) {
        hns |= c.kind == "hnsdiag-networks";
        hkcu |= c.kind == "lxss-registry" && c.command.at(2).rfind("HKCU\\", 0) == 0;
    }
    EXPECT_TRUE(hns);
    EXPECT_TRUE(hkcu);

    // Inside a distro (interop): no Windows tools, still the wsl.exe captures.
    env.windowsHost = false;
    plan = wslPlan(env);
    for (const CaptureSpec &c : plan.captures)
        EXPECT_EQ(c.command.front(), "wsl.exe") << c.kind;

    // The plan survives its JSON.
    VantagePlan again;
    std::string error;
    ASSERT_TRUE(test::succeeded(parsePlanJson(planToJson(plan)), again));
    EXPECT_EQ(planToJson(again), planToJson(plan));
}

TEST(VantagePlan, Captures)
{
    VantagePlan plan;
    std::string error;
    ASSERT_TRUE(test::succeeded(
        parsePlanJson(
            R"({"vantages": [], "captures": [{"kind": "ipconfig", "command": ["cat", "ipconfig.txt"]}]})"),
        plan));
    ASSERT_EQ(plan.captures.size(), 1u);
    EXPECT_EQ(plan.captures[0].kind, "ipconfig");
    EXPECT_TRUE(test::failsWith(
        parsePlanJson(R"({"vantages": [], "captures": [{"kind": "netstat", "command": ["x"]}]})"), error));
    EXPECT_NE(error.find("unknown kind \"netstat\""), std::string::npos) << error;
    EXPECT_TRUE(test::failsWith(
        parsePlanJson(R"({"vantages": [], "captures": [{"kind": "ipconfig", "command": "ipconfig"}]})"),
        error));
    EXPECT_TRUE(test::failsWith(parsePlanJson(R"({"vantages": [], "captures": []})"), error));
}
