#include <core/contacts/externalidset.h>

#include <cstring>

namespace enlace {

ExternalIdSet::ExternalIdSet()
{
    clear();
}

void ExternalIdSet::clear()
{
    m_arena.clear();
    m_slots.assign(1024, Slot { 0, 0, 0 });
    m_size = 0;
}

quint64 ExternalIdSet::hashOf(QByteArrayView id)
{
    // FNV-1a, then a finaliser so the low bits (the table index) are well mixed.
    quint64 h = 1469598103934665603ULL;
    for (const char c : id) {
        h ^= static_cast<unsigned char>(c);
        h *= 1099511628211ULL;
    }
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    return h | 1;   // never 0: 0 marks an empty slot
}

qsizetype ExternalIdSet::findSlot(QByteArrayView id, quint64 hash) const
{
    const qsizetype mask = qsizetype(m_slots.size()) - 1;
    qsizetype i = qsizetype(hash) & mask;
    for (;;) {
        const Slot &s = m_slots[size_t(i)];
        if (s.hash == 0)
            return i;
        if (s.hash == hash && qsizetype(s.length) == id.size()
            && std::memcmp(m_arena.constData() + s.offset, id.data(), size_t(id.size())) == 0)
            return i;
        i = (i + 1) & mask;
    }
}

void ExternalIdSet::grow()
{
    std::vector<Slot> old;
    old.swap(m_slots);
    m_slots.assign(old.size() * 2, Slot { 0, 0, 0 });
    const qsizetype mask = qsizetype(m_slots.size()) - 1;
    for (const Slot &s : old) {
        if (s.hash == 0)
            continue;
        qsizetype i = qsizetype(s.hash) & mask;
        while (m_slots[size_t(i)].hash != 0)
            i = (i + 1) & mask;
        m_slots[size_t(i)] = s;
    }
}

bool ExternalIdSet::insert(QByteArrayView id)
{
    if ((m_size + 1) * 10 > qsizetype(m_slots.size()) * 6)
        grow();
    if (id.size() > 0xFFFFFF)
        id = id.first(0xFFFFFF);   // longer than any record CsvReader accepts
    const quint64 h = hashOf(id);
    const qsizetype i = findSlot(id, h);
    Slot &s = m_slots[size_t(i)];
    if (s.hash != 0)
        return false;
    s.hash = h;
    s.offset = quint64(m_arena.size());
    s.length = quint64(id.size());
    m_arena.append(id.data(), id.size());
    ++m_size;
    return true;
}

bool ExternalIdSet::contains(QByteArrayView id) const
{
    if (id.size() > 0xFFFFFF)
        id = id.first(0xFFFFFF);   // longer than any record CsvReader accepts
    return m_slots[size_t(findSlot(id, hashOf(id)))].hash != 0;
}

}   // namespace enlace
