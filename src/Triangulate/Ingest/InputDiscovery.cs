using Triangulate.Model;

namespace Triangulate.Ingest;

/// <summary>Turns the paths a user gives into the files to read: folders recursively, in ordinal order so runs are reproducible; missing or unreadable paths become problems.</summary>
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
                var found = 0;
                foreach (var file in EnumerateFolder(path, problems))
                {
                    found++;
                    yield return file;
                }
                // An empty folder (or one of hidden files only) is almost always a wrong path: say so rather than exit 0.
                if (found == 0) problems(new Problem(path, $"no input files found under {path}"));
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
        pending.Push(root);
        while (pending.Count > 0)
        {
            var folder = pending.Pop();
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
                if (!Path.GetFileName(folders[i]).StartsWith('.')) pending.Push(folders[i]);
            }
        }
    }

    private static InputFile? Describe(string source, string path, Action<Problem> problems)
    {
        try
        {
            var info = new FileInfo(path);
            return new InputFile(source, info.FullName, info.Length);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            problems(new Problem(source, $"cannot read: {e.Message}"));
            return null;
        }
    }
}
