#include <core/telephony/pbx.h>

namespace enlace {

Pbx::Pbx(QObject *parent)
    : QObject(parent)
{ }
Pbx::~Pbx() = default;

}   // namespace enlace
