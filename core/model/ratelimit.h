#pragma once

#include <QtGlobal>

#include <chrono>

namespace enlace {

// Lets a repeated log record through at most once per interval and counts the ones it held back,
// so a loop that fails every 50 ms (a read-only store, a CRM that is down) writes one line every
// few seconds saying how many it kept quiet, not thousands. Not thread-safe: one per thread/loop.
class RateLimit final
{
public:
    explicit RateLimit(std::chrono::milliseconds interval = std::chrono::seconds(10))
        : m_interval(interval)
    { }

    // True when a record may be written at now; then held() is how many were held back before it.
    bool allow(std::chrono::steady_clock::time_point now = std::chrono::steady_clock::now())
    {
        if (m_started && now - m_last < m_interval) {
            ++m_pending;
            return false;
        }
        m_started = true;
        m_last = now;
        m_held = m_pending;
        m_pending = 0;
        return true;
    }
    qint64 held() const { return m_held; }
    // Forgets the past: the next record is let through (the condition it reported has ended).
    void reset()
    {
        m_started = false;
        m_pending = 0;
        m_held = 0;
    }

private:
    std::chrono::milliseconds m_interval;
    std::chrono::steady_clock::time_point m_last;
    bool m_started = false;
    qint64 m_pending = 0;
    qint64 m_held = 0;
};

}   // namespace enlace
