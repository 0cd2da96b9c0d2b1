#pragma once

// Numeric values are OMniLeads' stored integers; they travel on the wire unchanged.

namespace enlace {

enum class Role : int { Admin = 1, Manager = 2, Supervisor = 3, Referent = 4, Agent = 5 };

enum class SiteTrigger : int { Agent = 1, Automatic = 2, Server = 3, Disposition = 4, DynamicList = 5 };
enum class SiteMethod : int { Get = 1, Post = 2 };
enum class SiteFormat : int { Multipart = 1, FormUrlEncoded = 2, TextPlain = 3, Json = 4 };
enum class SiteTarget : int { Embedded = 1, NewWindow = 2 };

enum class CrmParameterType : int { Campaign = 1, Contact = 2, Call = 3, Fixed = 4, Dialplan = 5, Disposition = 6 };

enum class CampaignType : int { Inbound = 1, Dialer = 2, Manual = 3, Preview = 4 };
enum class CampaignState : int { Defining = 0, Inactive = 1, Active = 2, Paused = 3, Finished = 4, Deleted = 5 };
enum class InteractionType : int { Form = 1, ExternalUrl = 2, FormAndExternalUrl = 3 };

enum class CallType : int { Manual = 1, Dialer = 2, Inbound = 3, Preview = 4, Click2Call = 6 };
enum class CallState : int { Offered = 1, Connected = 2, Ended = 3, Failed = 4 };

}   // namespace enlace
