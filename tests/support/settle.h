#pragma once

#include <QTest>

namespace enlace::test {

// The one fixed wait the tests may use: a negative check ("nothing more arrives", "it stays
// open") where no later event exists that would have to come after the thing that must not
// happen, and no clock or timer of the code under test can be driven instead. Every other wait
// is QTRY_* / QSignalSpy::wait / QTest::qWaitFor on what it waits for. why: what the wait gives the
// code the chance to do wrongly (it shows in the test's source and in a debugger).
inline void settleFor(int ms, const char *why)
{
    Q_UNUSED(why);
    QTest::qWait(ms);
}

}   // namespace enlace::test
