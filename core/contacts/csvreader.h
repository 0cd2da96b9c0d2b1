#pragma once

#include <core/model/message.h>

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>
#include <QStringList>

class QIODevice;

namespace enlace {

// Streams records out of a CSV file without ever holding more than one record and one chunk:
// RFC 4180 quoting (delimiters, doubled quotes and line breaks inside quoted fields), UTF-8 with
// or without BOM, CRLF, LF or CR line breaks (mixed too), and a delimiter (`,` `;` or tab)
// detected from the first line, outside quotes. Empty physical lines between records are skipped.
//
//   CsvReader reader(&file);
//   while (reader.readNext() != CsvReader::Status::End) { if (reader.hasError()) ...; reader.field(0); }
class CsvReader final
{
public:
    enum class Status { Record, Error, End };
    enum class Problem { None, InvalidUtf8, StrayQuote, UnterminatedQuote, RecordTooLong, ReadFailed };

    explicit CsvReader(QIODevice *device, qsizetype chunkSize = 256 * 1024);

    // Reads the next record. Record: a well-formed record is available. Error: see problem();
    // after InvalidUtf8 or StrayQuote the record is still available and reading may go on; the
    // other problems are fatal and every later call returns End.
    Status readNext();

    Problem problem() const { return m_problem; }
    bool hasError() const { return m_problem != Problem::None; }
    bool isFatal() const;
    // What went wrong, naming the line: "Line 7 is not valid UTF-8", ...
    Message errorMessage() const;

    qsizetype fieldCount() const { return m_fields.size(); }
    // The field's bytes as in the file, quotes removed and doubled quotes undone; UTF-8.
    QByteArray fieldBytes(qsizetype index) const;
    // The same bytes without a copy when the field needs no unquoting; scratch holds them otherwise.
    QByteArrayView fieldView(qsizetype index, QByteArray &scratch) const;
    QString field(qsizetype index) const { return QString::fromUtf8(fieldBytes(index)); }
    QStringList fields() const;
    // Physical line (1-based) where the current record starts.
    qint64 line() const { return m_recordLine; }
    // The record as written in the file, without its final line break (for error messages).
    QByteArrayView rawRecord() const;
    // rawRecord() shortened to at most maxChars characters, for messages.
    QString rawRecordText(qsizetype maxChars = 200) const;
    // Index of the current record: 0 for the header, 1 for the first data record.
    qint64 recordIndex() const { return m_recordIndex; }

    char delimiter() const { return m_delimiter; }
    bool hadBom() const { return m_hadBom; }
    qint64 bytesRead() const { return m_consumed; }
    void setMaxRecordBytes(qsizetype bytes) { m_maxRecordBytes = bytes; }

    static bool isValidUtf8(QByteArrayView bytes);

private:
    struct Span
    {
        qsizetype begin;   // relative to the record start
        qsizetype end;
        bool quoted;
    };
    bool fill();
    bool detectDelimiter();
    void setProblem(Problem p, qint64 line);

    QIODevice *m_device;
    qsizetype m_chunkSize;
    qsizetype m_maxRecordBytes = 4 * 1024 * 1024;
    QByteArray m_buf;
    qsizetype m_pos = 0;   // next byte to parse
    qsizetype m_recordStart = 0;   // where the current record starts in m_buf
    qsizetype m_recordEnd = 0;   // end of the record's text (before the line break)
    qint64 m_consumedBase = 0;   // device bytes before m_buf[0]
    qint64 m_consumed = 0;
    bool m_eof = false;
    bool m_started = false;
    bool m_finished = false;
    bool m_hadBom = false;
    bool m_skipLf = false;   // a CR ended the last record: a following LF belongs to it
    char m_delimiter = ',';
    qint64 m_line = 1;   // physical line of m_pos
    qint64 m_recordLine = 0;
    qint64 m_recordIndex = -1;
    qint64 m_problemLine = 0;
    Problem m_problem = Problem::None;
    QList<Span> m_fields;
};

}   // namespace enlace
