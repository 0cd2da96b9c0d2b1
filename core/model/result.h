#pragma once

#include <core/model/message.h>
#include <core/model/validationerrors.h>

#include <QString>

#include <optional>
#include <utility>
#include <variant>

namespace enlace {

// Why an operation failed. `code` is stable and machine-readable (logs, API error codes),
// `message` is what a person reads.
struct Error
{
    // Unauthenticated: no valid credentials (HTTP 401; the console asks the user to log in again).
    enum class Kind { Invalid, NotFound, Conflict, Forbidden, Unauthenticated, Unavailable, Internal };
    Kind kind = Kind::Internal;
    QString code;
    Message message;
    QString detail;   // untranslated technical detail (driver text, network error); never secrets
    ValidationErrors fields;   // Kind::Invalid: what is wrong, per field or row

    static Error invalid(ValidationErrors fields, QString code = QStringLiteral("invalid"))
    {
        return Error { Kind::Invalid, std::move(code), {}, {}, std::move(fields) };
    }
    static Error notFound(QString code, Message message = {})
    {
        return Error { Kind::NotFound, std::move(code), std::move(message), {}, {} };
    }

    static Error internal(QString code, QString detail)
    {
        return Error { Kind::Internal, std::move(code), {}, std::move(detail), {} };
    }
    QString text(const class MessageCatalog *catalog = nullptr, const QString &language = {}) const
    {
        if (!message.isNull())
            return detail.isEmpty() ? message.text(catalog, language)
                                    : message.text(catalog, language) + QStringLiteral(": ") + detail;
        return detail.isEmpty() ? code : detail;
    }
};

template <typename T> class [[nodiscard]] Result
{
public:
    Result(T value)
        : m_v(std::move(value))
    { }
    Result(Error error)
        : m_v(std::move(error))
    { }

    bool ok() const { return std::holds_alternative<T>(m_v); }
    explicit operator bool() const { return ok(); }
    T &value() & { return std::get<T>(m_v); }
    const T &value() const & { return std::get<T>(m_v); }
    // By value, so `for (x : f().value())` never iterates a destroyed temporary.
    T value() && { return std::get<T>(std::move(m_v)); }
    T *operator->() { return &value(); }
    const T *operator->() const { return &value(); }
    const Error &error() const { return std::get<Error>(m_v); }

private:
    std::variant<T, Error> m_v;
};

template <> class [[nodiscard]] Result<void>
{
public:
    Result() = default;
    Result(Error error)
        : m_error(std::move(error))
    { }
    bool ok() const { return !m_error.has_value(); }
    explicit operator bool() const { return ok(); }
    const Error &error() const { return *m_error; }

private:
    std::optional<Error> m_error;
};

}   // namespace enlace
