#pragma once

#include <core/model/crmparameter.h>
#include <core/model/validationerrors.h>

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace enlace {

// What the checks of a campaign's CRM parameters need to know about the campaign.
struct CrmParameterScope
{
    QStringList contactColumns;   // columns of the campaign's contact database
    std::optional<SiteTrigger> siteTrigger;   // trigger of the campaign's site, if it has one
};

// OMniLeads' ParametrosCrmForm rules (reference §2.3), applied to the whole list at once.
// Errors name the row: "parametros[2].nombre", "parametros[2].valor", "parametros[2].tipo".
class CrmParameterRules final
{
public:
    static constexpr int MaxNameLength = 128;
    static constexpr int MaxValueLength = 256;

    static ValidationErrors validate(const QList<CrmParameter> &parameters, const CrmParameterScope &scope);
    // What is stored: dialplan values capitalised ("OmlcrmFooBar" -> "Omlcrmfoobar"), names trimmed.
    static QList<CrmParameter> normalized(QList<CrmParameter> parameters);

    static QString fieldName(qsizetype row, const QString &field);

    // `{N}` with N one or more ASCII digits; returns N, or nullopt for an ordinary name.
    static std::optional<int> placeholderNumber(const QString &name);
    static bool isValidName(const QString &name);

    static const QStringList &campaignFields();   // id nombre tipo
    static const QStringList &callDataKeys();   // call_id agent_id ... datetime
    static const QStringList &dispositionFields();   // id name subdisposition form
    static QString dialplanPrefix() { return QStringLiteral("Omlcrm"); }
    // Type 6 is offered only when the campaign's site fires on call disposition.
    static QList<CrmParameterType> availableTypes(std::optional<SiteTrigger> siteTrigger);
};

}   // namespace enlace
