#pragma once

#include <QDBusVariant>
#include <QObject>
#include <QPalette>

#include <optional>

class QApplication;

namespace enlace {

// Light or dark, as the agent chose (View → Theme) or as the desktop prefers. Qt 6.4 has no
// colour-scheme hint of its own, so the desktop's preference is read where freedesktop desktops
// publish it: the settings portal's org.freedesktop.appearance color-scheme (read at start and
// followed live through SettingChanged), else GTK_THEME's ":dark" variant, else the platform
// palette itself (a dark KDE palette). A dark scheme is the Fusion style with a dark palette; a
// light one is the platform's own look.
class Theme final : public QObject
{
    Q_OBJECT

public:
    enum class Choice { System, Light, Dark };
    Q_ENUM(Choice)
    enum class Scheme { Light, Dark };
    Q_ENUM(Scheme)

    explicit Theme(QApplication *app, QObject *parent = nullptr);

    // Applies the choice (and keeps following the desktop while it is System).
    void setChoice(Choice choice);
    Choice choice() const { return m_choice; }
    Scheme scheme() const { return m_scheme; }
    // What the desktop prefers, when it says; the portal's answer wins over GTK_THEME.
    std::optional<Scheme> desktopPreference() const;

    static QPalette darkPalette();
    static QString choiceKey(Choice choice);
    static Choice choiceFromKey(const QString &key);

Q_SIGNALS:
    void schemeChanged(enlace::Theme::Scheme scheme);

private Q_SLOTS:
    // org.freedesktop.portal.Settings.SettingChanged(namespace, key, value)
    void portalSettingChanged(const QString &group, const QString &key, const QDBusVariant &value);

private:
    void apply();
    void readPortal();

    QApplication *m_app;
    QString m_lightStyle;
    QPalette m_lightPalette;
    Choice m_choice = Choice::System;
    Scheme m_scheme = Scheme::Light;
    std::optional<Scheme> m_portal;   // the portal's last answer (none: it did not say)
};

}   // namespace enlace
