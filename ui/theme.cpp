#include <ui/theme.h>

#include <QApplication>
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QStyle>
#include <QStyleFactory>

using namespace Qt::StringLiterals;

namespace enlace {

namespace {

const QString PortalService = u"org.freedesktop.portal.Desktop"_s;
const QString PortalPath = u"/org/freedesktop/portal/desktop"_s;
const QString PortalSettings = u"org.freedesktop.portal.Settings"_s;
const QString AppearanceGroup = u"org.freedesktop.appearance"_s;
const QString ColorSchemeKey = u"color-scheme"_s;

// The portal wraps the value in one or two variants (its Read predates ReadOne).
QVariant unwrap(QVariant v)
{
    for (int i = 0; i < 3 && v.canConvert<QDBusVariant>() && v.metaType() == QMetaType::fromType<QDBusVariant>(); ++i)
        v = qvariant_cast<QDBusVariant>(v).variant();
    return v;
}

// color-scheme: 0 no preference, 1 prefer dark, 2 prefer light.
std::optional<Theme::Scheme> fromPortal(const QVariant &value)
{
    bool ok = false;
    const uint n = unwrap(value).toUInt(&ok);
    if (!ok || n == 0 || n > 2)
        return std::nullopt;
    return n == 1 ? Theme::Scheme::Dark : Theme::Scheme::Light;
}

bool isDark(const QPalette &p)
{
    return p.color(QPalette::Window).lightness() < 128;
}

}   // namespace

Theme::Theme(QApplication *app, QObject *parent)
    : QObject(parent)
    , m_app(app)
    , m_lightStyle(app->style() ? app->style()->name() : QString())
    , m_lightPalette(QApplication::palette())
{
    readPortal();
}

void Theme::readPortal()
{
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected())
        return;
    // (QtDBus looks the slot up as written: no spaces in the signature.)
    // The slot's argument types must be known to the meta-type system before QtDBus matches it.
    qRegisterMetaType<QDBusVariant>();
    bus.connect(PortalService, PortalPath, PortalSettings, u"SettingChanged"_s, this,
                SLOT(portalSettingChanged(QString, QString, QDBusVariant)));
    QDBusMessage read = QDBusMessage::createMethodCall(PortalService, PortalPath, PortalSettings, u"Read"_s);
    read << AppearanceGroup << ColorSchemeKey;
    // Asynchronous: a desktop without the portal costs the start-up nothing.
    auto *watcher = new QDBusPendingCallWatcher(bus.asyncCall(read, 3000), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this](QDBusPendingCallWatcher *w) {
        w->deleteLater();
        const QDBusPendingReply<QDBusVariant> reply = *w;
        if (reply.isError())
            return;
        m_portal = fromPortal(QVariant::fromValue(reply.value()));
        apply();
    });
}

void Theme::portalSettingChanged(const QString &group, const QString &key, const QDBusVariant &value)
{
    if (group != AppearanceGroup || key != ColorSchemeKey)
        return;
    m_portal = fromPortal(QVariant::fromValue(value));
    apply();
}

std::optional<Theme::Scheme> Theme::desktopPreference() const
{
    if (m_portal)
        return m_portal;
    const QString gtk = qEnvironmentVariable("GTK_THEME");
    if (!gtk.isEmpty())
        return gtk.endsWith(u":dark"_s, Qt::CaseInsensitive) || gtk.contains(u"-dark"_s, Qt::CaseInsensitive)
            ? Scheme::Dark
            : Scheme::Light;
    if (isDark(m_lightPalette))
        return Scheme::Dark;
    return std::nullopt;
}

void Theme::setChoice(Choice choice)
{
    m_choice = choice;
    apply();
}

void Theme::apply()
{
    Scheme scheme = Scheme::Light;
    if (m_choice == Choice::Dark)
        scheme = Scheme::Dark;
    else if (m_choice == Choice::System)
        scheme = desktopPreference().value_or(Scheme::Light);
    const bool platformIsDark = isDark(m_lightPalette);
    if (scheme == Scheme::Dark && !platformIsDark) {
        if (QStyle *fusion = QStyleFactory::create(u"Fusion"_s))
            QApplication::setStyle(fusion);
        QApplication::setPalette(darkPalette());
    } else if (scheme == Scheme::Light && platformIsDark) {
        // The platform is dark but the agent wants light: Fusion's own light palette.
        if (QStyle *fusion = QStyleFactory::create(u"Fusion"_s))
            QApplication::setStyle(fusion);
        QApplication::setPalette(QApplication::style()->standardPalette());
    } else {
        if (!m_lightStyle.isEmpty() && QApplication::style()->name() != m_lightStyle)
            if (QStyle *own = QStyleFactory::create(m_lightStyle))
                QApplication::setStyle(own);
        QApplication::setPalette(m_lightPalette);
    }
    if (scheme != m_scheme) {
        m_scheme = scheme;
        Q_EMIT schemeChanged(scheme);
    }
}

QPalette Theme::darkPalette()
{
    QPalette p;
    const QColor window(0x2b, 0x2d, 0x31), base(0x1f, 0x21, 0x24), text(0xe8, 0xea, 0xed);
    const QColor disabled(0x8a, 0x8d, 0x93), highlight(0x3d, 0x8b, 0xe0);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, window);
    p.setColor(QPalette::ToolTipBase, base);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, disabled);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, window);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, QColor(0xff, 0x6b, 0x6b));
    p.setColor(QPalette::Light, window.lighter(150));
    p.setColor(QPalette::Midlight, window.lighter(125));
    p.setColor(QPalette::Mid, window.darker(125));
    p.setColor(QPalette::Dark, window.darker(150));
    p.setColor(QPalette::Shadow, Qt::black);
    p.setColor(QPalette::Highlight, highlight);
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x8a, 0xb4, 0xf8));
    p.setColor(QPalette::LinkVisited, QColor(0xc5, 0x8a, 0xf9));
    for (QPalette::ColorRole role : { QPalette::WindowText, QPalette::Text, QPalette::ButtonText })
        p.setColor(QPalette::Disabled, role, disabled);
    p.setColor(QPalette::Disabled, QPalette::Highlight, window.lighter(130));
    return p;
}

QString Theme::choiceKey(Choice choice)
{
    switch (choice) {
    case Choice::Light:
        return u"light"_s;
    case Choice::Dark:
        return u"dark"_s;
    case Choice::System:
        break;
    }
    return u"system"_s;
}

Theme::Choice Theme::choiceFromKey(const QString &key)
{
    if (key == u"light"_s)
        return Choice::Light;
    if (key == u"dark"_s)
        return Choice::Dark;
    return Choice::System;
}

}   // namespace enlace
