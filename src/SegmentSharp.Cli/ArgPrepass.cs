namespace SegmentSharp.Cli;

/// <summary>
/// Rewrites a command line before <see cref="ArgParser"/> sees it, for two things argparse-style parsing cannot express:
/// abbreviations that became ambiguous only because a longer flag extends a shorter one, and flags whose value is optional.
/// </summary>
/// <remarks>
/// <para>Abbreviations: the seed accepted "--inv" for --invert. Adding --invert-input would make it ambiguous; since every
/// candidate starts with the full name "--invert", the abbreviation is resolved to that shortest flag (the same for
/// "--desp" → --despeckle rather than --despeckle-color). Truly ambiguous prefixes are left for the parser to reject.</para>
/// <para>Optional values: for a flag in <c>optionalValues</c>, when the next argument is missing or is not a valid value
/// (e.g. it is another flag or a file name), "auto" is inserted, so "--normalize-background in.png out.png" works.</para>
/// </remarks>
internal static class ArgPrepass
{
    public static List<string> Expand(IReadOnlyList<string> args, IReadOnlyList<FlagSpec> flags,
        IReadOnlyDictionary<string, Func<string, bool>> optionalValues)
    {
        var result = new List<string>(args.Count + 2);
        for (int i = 0; i < args.Count; i++)
        {
            string arg = args[i];
            if (arg == "--")
            {
                for (; i < args.Count; i++) result.Add(args[i]);
                break;
            }
            if (!arg.StartsWith("--", StringComparison.Ordinal) || arg.Length < 3 || arg.Contains(' '))
            {
                result.Add(arg);
                continue;
            }
            int eq = arg.IndexOf('=');
            string name = eq > 0 ? arg[..eq] : arg;
            string? resolved = Resolve(name, flags);
            if (resolved is not null && resolved != name) arg = resolved + (eq > 0 ? arg[eq..] : "");
            result.Add(arg);
            if (resolved is not null && eq < 0 && optionalValues.TryGetValue(resolved, out var isValue)
                && (i + 1 >= args.Count || !isValue(args[i + 1])))
                result.Add("auto");
        }
        return result;
    }

    /// <summary>The flag <paramref name="name"/> stands for, or null when unknown or ambiguous.</summary>
    private static string? Resolve(string name, IReadOnlyList<FlagSpec> flags)
    {
        foreach (var f in flags) if (f.Name == name) return name;
        var matches = flags.Where(f => f.Name.StartsWith(name, StringComparison.Ordinal)).Select(f => f.Name).ToList();
        if (matches.Count == 1) return matches[0];
        if (matches.Count == 0) return null;
        string shortest = matches.MinBy(m => m.Length)!;
        return matches.All(m => m.StartsWith(shortest, StringComparison.Ordinal)) ? shortest : null;
    }
}
