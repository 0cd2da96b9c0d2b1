#pragma once

#include <QFile>
#include <QIODevice>

namespace enlace {

// A read-only window [offset, offset + length) of a file, as a device of its own: position 0 is
// the window's first byte, size() its length, and reads stop at its end. The contact importer
// reads the CSV part of an uploaded multipart body in place through it, without copying the part
// out of the body file.
class FileRange final : public QIODevice
{
    Q_OBJECT

public:
    // length < 0: to the end of the file.
    FileRange(const QString &path, qint64 offset, qint64 length, QObject *parent = nullptr);
    ~FileRange() override;

    // ReadOnly only. Fails, with errorString(), when the file cannot be opened or the window does
    // not lie inside it.
    bool open(OpenMode mode) override;
    void close() override;
    bool isSequential() const override { return false; }
    qint64 size() const override { return m_length < 0 ? 0 : m_length; }
    bool seek(qint64 pos) override;

protected:
    qint64 readData(char *data, qint64 maxSize) override;
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    QFile m_file;
    qint64 m_offset;
    qint64 m_length;
};

}   // namespace enlace
