#pragma once

#include <core/model/clock.h>

#include <atomic>

namespace enlace::test {

class FakeClock final : public Clock
{
public:
    explicit FakeClock(qint64 startMs = 1'767'225'600'000)
        : m_now(startMs)
    { }   // 2026-01-01T00:00Z
    qint64 nowMs() const override { return m_now.load(); }
    void advance(qint64 ms) { m_now += ms; }
    void set(qint64 ms) { m_now = ms; }

private:
    std::atomic<qint64> m_now;
};

}   // namespace enlace::test
