using System.Text.Json.Serialization;

namespace Triangulate.Model;

/// <summary>What kind of thing an entity is.</summary>
[JsonConverter(typeof(KebabCaseEnumConverter<EntityType>))]
public enum EntityType
{
    /// <summary>A person.</summary>
    Person,
    /// <summary>An organisation: a government body, company, outlet, armed force.</summary>
    Organization,
    /// <summary>A place.</summary>
    Place,
    /// <summary>A military unit.</summary>
    Unit,
    /// <summary>A weapon or weapon system.</summary>
    Weapon,
    /// <summary>A named event.</summary>
    Event,
    /// <summary>Anything else.</summary>
    Other,
    /// <summary>
    /// A named product or model ("iPhone 4", "Boeing 787"); weapons have their own type. Not in the contract's list:
    /// the dossier writes it as "other" with subtype "product" (<see cref="Entity.ForContract"/>).
    /// </summary>
    Product,
    /// <summary>
    /// A financial name: a market index ("Dow Jones Industrial Average", "Hang Seng index") or a currency ("the yen").
    /// Not in the contract's list: the dossier writes it as "other" with subtype "financial".
    /// </summary>
    Financial,
}
