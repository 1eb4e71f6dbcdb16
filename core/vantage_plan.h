#pragma once
// The vantage plan: which commands to run the collector through (DESIGN.md, "Vantages").
#include <string>
#include <string_view>
#include <vector>

namespace wslatlas {

enum class VantageRole
{
    Vm,
    System,
    Distro,
    Host
};

std::string_view toString(VantageRole role);
bool vantageRoleFromString(std::string_view text, VantageRole &role);

struct VantageSpec
{
    std::string name;
    VantageRole role = VantageRole::Host;
    std::string distro; // for System and Distro
    std::vector<std::string> command;
};

struct VantagePlan
{
    std::vector<VantageSpec> vantages;
};

struct PlanParseError
{
    std::string message;
};

// Throws nothing: returns false and fills error on bad input.
bool parsePlanJson(std::string_view text, VantagePlan &plan, PlanParseError &error);
std::string planToJson(const VantagePlan &plan);

// The plan for this Linux host: one "host" vantage running `sh -s`.
VantagePlan localPlan();

} // namespace wslatlas
