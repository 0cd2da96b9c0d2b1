// enlace-server: composition root only. Every command lives in core (ServerCommands).
#include <core/server/servercommands.h>

#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

using namespace Qt::StringLiterals;

int main(int argc, char **argv)
{
#if defined(__GLIBC__)
    // glibc gives freed memory back to the kernel as soon as 128 KiB sit free at the top of a heap.
    // The call-recording thread allocates and frees about that much per batch, so it trimmed on
    // nearly every batch: an madvise and a TLB shoot-down across every core each time (17 % of
    // that thread's time under load, measured with perf). A server keeps its working set instead.
    mallopt(M_TRIM_THRESHOLD, 64 * 1024 * 1024);
#endif
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"enlace-server"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(ENLACE_VERSION));
    QTextStream in(stdin);
    QTextStream out(stdout);
    QTextStream err(stderr);
    return enlace::ServerCommands::run(QCoreApplication::arguments(), in, out, err);
}
