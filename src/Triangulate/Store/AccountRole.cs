namespace Triangulate.Store;

/// <summary>What an account may do with the corpus it belongs to.</summary>
public enum AccountRole
{
    /// <summary>Browse and search.</summary>
    Read,

    /// <summary>Also upload and anything else that changes the store.</summary>
    Write,
}
