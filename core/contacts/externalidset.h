#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <vector>

namespace enlace {

// The set of external ids seen during an import. Ids are stored once, back to back, in one arena,
// with an open-addressing table of (hash, offset, length): about 24 bytes plus the id's own bytes
// per distinct id, so memory follows the number of distinct ids, never the size of the file.
class ExternalIdSet final
{
public:
    ExternalIdSet();
    // False when the id was already there.
    bool insert(QByteArrayView id);
    bool contains(QByteArrayView id) const;
    qsizetype size() const { return m_size; }
    void clear();

private:
    struct Slot
    {
        quint64 hash = 0;   // 0 = empty; real hashes are never 0
        quint64 offset : 40;   // into the arena
        quint64 length : 24;   // ids are at most one record long (CsvReader caps records at 4 MiB)
    };
    qsizetype findSlot(QByteArrayView id, quint64 hash) const;
    void grow();
    static quint64 hashOf(QByteArrayView id);

    QByteArray m_arena;
    std::vector<Slot> m_slots;
    qsizetype m_size = 0;
};

}   // namespace enlace
