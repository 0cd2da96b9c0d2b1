#pragma once

#include <core/model/enums.h>

#include <QString>

namespace enlace {

// What one CRM request parameter carries (OMniLeads' ParametrosCrm). A name of the form {N}
// fills placeholder N of the site URL instead of becoming a parameter.
struct CrmParameter
{
    qint64 id = 0;
    qint64 campaignId = 0;
    QString name;
    QString value;
    CrmParameterType type = CrmParameterType::Fixed;
};

}   // namespace enlace
