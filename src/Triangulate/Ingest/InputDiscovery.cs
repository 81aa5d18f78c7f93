using Triangulate.Model;

namespace Triangulate.Ingest;

/// <summary>
/// Turns the paths a user gives into the files to read: folders recursively, in ordinal order so runs are
/// reproducible; missing or unreadable paths become problems. Symbolic links are followed to their targets: a file's
/// size is its target's (so the size caps apply to what is read), and a linked folder already visited (a link loop,
/// or two links to one folder) is read once, the loop reported as one problem. A file of size 0 is reported empty
/// and never opened: named pipes and devices have size 0 too, and opening a pipe that no one writes to waits forever.
/// </summary>
public static class InputDiscovery
{
    /// <summary>Enumerates input files; reports each path that cannot be read to <paramref name="problems"/>.</summary>
    public static IEnumerable<InputFile> Enumerate(IEnumerable<string> paths, Action<Problem> problems)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(problems);
        foreach (var path in paths)
        {
            if (File.Exists(path))
            {
                var file = Describe(path, path, problems);
                if (file is not null) yield return file;
            }
            else if (Directory.Exists(path))
            {
                int found = 0, reported = 0;
                foreach (var file in EnumerateFolder(path, p => { reported++; problems(p); }))
                {
                    found++;
                    yield return file;
                }
                // An empty folder (or one of hidden files only) is almost always a wrong path: say so rather than exit 0,
                // unless a problem under it (a folder that cannot be listed) already said why nothing was found.
                if (found == 0 && reported == 0) problems(new Problem(path, $"no input files found under {path}"));
            }
            else
            {
                problems(new Problem(path, "no such file or folder"));
            }
        }
    }

    private static IEnumerable<InputFile> EnumerateFolder(string root, Action<Problem> problems)
    {
        var pending = new Stack<string>();
        // Folders by where they really are: a linked folder is entered only if its target was not entered before.
        var visited = new HashSet<string>(StringComparer.Ordinal);
        var real = new Dictionary<string, string>(StringComparer.Ordinal);
        if (RealFolder(root, Path.TrimEndingDirectorySeparator(Path.GetFullPath(root)), problems) is not { } rootReal) yield break;
        real[root] = rootReal;
        pending.Push(root);
        while (pending.Count > 0)
        {
            var folder = pending.Pop();
            if (!visited.Add(real[folder]))
            {
                problems(new Problem(folder, $"symbolic link to a folder already read ({real[folder]}): a link loop or a second link, skipped"));
                continue;
            }
            string[] files, folders;
            try
            {
                files = Directory.GetFiles(folder);
                folders = Directory.GetDirectories(folder);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                problems(new Problem(folder, $"cannot list folder: {e.Message}"));
                continue;
            }
            Array.Sort(files, StringComparer.Ordinal);
            Array.Sort(folders, StringComparer.Ordinal);
            foreach (var file in files)
            {
                var name = Path.GetFileName(file);
                // Hidden files (editor swap files, .DS_Store) are not articles.
                if (name.StartsWith('.')) continue;
                var described = Describe(file, file, problems);
                if (described is not null) yield return described;
            }
            for (var i = folders.Length - 1; i >= 0; i--)
            {
                if (Path.GetFileName(folders[i]).StartsWith('.')) continue;
                if (RealFolder(folders[i], Path.Combine(real[folder], Path.GetFileName(folders[i])), problems) is not { } where) continue;
                real[folders[i]] = where;
                pending.Push(folders[i]);
            }
        }
    }

    /// <summary>Where a folder really is: its link's final target when it is a link, else <paramref name="underParent"/> (its name under its parent's real path); null with a problem when a link cannot be resolved.</summary>
    private static string? RealFolder(string folder, string underParent, Action<Problem> problems)
    {
        try
        {
            var info = new DirectoryInfo(folder);
            if (info.LinkTarget is null) return underParent;
            var target = info.ResolveLinkTarget(returnFinalTarget: true);
            return target is { Exists: true } ? Path.TrimEndingDirectorySeparator(target.FullName) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problems(new Problem(folder, $"cannot follow symbolic link: {e.Message}"));
            return null;
        }
    }

    private static InputFile? Describe(string source, string path, Action<Problem> problems)
    {
        try
        {
            var info = new FileInfo(path);
            // The link's own size is a few bytes; the caps apply to what reading it would load.
            var length = info.Length;
            if (info.LinkTarget is not null)
            {
                if (info.ResolveLinkTarget(returnFinalTarget: true) is not FileInfo { Exists: true } target)
                {
                    problems(new Problem(source, "symbolic link to nothing (dangling or a loop)"));
                    return null;
                }
                length = target.Length;
            }
            if (length == 0)
            {
                problems(new Problem(source, "empty file"));
                return null;
            }
            return new InputFile(source, info.FullName, length);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            problems(new Problem(source, $"cannot read: {e.Message}"));
            return null;
        }
    }
}
