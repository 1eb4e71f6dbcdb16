#pragma once
// One enum's names at the JSON boundary, read both ways from one table, so the two directions cannot drift.
#include <array>
#include <cstddef>
#include <string_view>
#include <utility>

namespace wslatlas {

template <typename Enum, std::size_t N> using NameTable = std::array<std::pair<Enum, std::string_view>, N>;

// The name of `value`; `fallback` only for a value missing from the table (a programming error).
template <typename Enum, std::size_t N>
constexpr std::string_view nameIn(const NameTable<Enum, N> &table, Enum value, std::string_view fallback)
{
    for (const auto &[e, name] : table)
        if (e == value)
            return name;
    return fallback;
}

// Sets `value` and returns true when `name` is in the table; leaves it alone otherwise.
template <typename Enum, std::size_t N>
constexpr bool valueIn(const NameTable<Enum, N> &table, std::string_view name, Enum &value)
{
    for (const auto &[e, n] : table) {
        if (n == name) {
            value = e;
            return true;
        }
    }
    return false;
}

} // namespace wslatlas
