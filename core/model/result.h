#pragma once
// Core's one error shape. A function that can fail returns Result<T>: its value or an Error. A step that
// yields nothing (saving a file, checking a field) returns std::optional<Error>: the error, or nothing when
// it worked. Nothing in core throws across its interface, returns a bool beside an out-parameter, or has an
// error type of its own. Result is a variant, so that std::get_if, std::holds_alternative and std::visit
// read it.
#include <optional>
#include <string>
#include <variant>

namespace wslatlas {

struct Error
{
    std::string message; // one sentence: what is wrong, and what to do about it
    friend bool operator==(const Error &, const Error &) = default;
};

template <typename T> using Result = std::variant<T, Error>;

template <typename T> bool failed(const Result<T> &result)
{
    return std::holds_alternative<Error>(result);
}

// The error, or nullptr on success.
template <typename T> const Error *errorOf(const Result<T> &result)
{
    return std::get_if<Error>(&result);
}

} // namespace wslatlas
