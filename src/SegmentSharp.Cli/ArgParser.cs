using System.Text.RegularExpressions;

namespace SegmentSharp.Cli;

/// <summary>One flag a command accepts.</summary>
/// <param name="Name">Long form, e.g. "--block-size".</param>
/// <param name="Metavar">Placeholder shown in usage for the value; null for switches without a value.</param>
/// <param name="OnValue">Receives the value (or null for a switch); throws <see cref="ArgumentValueException"/> to reject it.</param>
/// <param name="Short">Optional short form, e.g. "-h".</param>
internal sealed record FlagSpec(string Name, string? Metavar, Action<string?> OnValue, string? Short = null)
{
    public bool TakesValue => Metavar is not null;
}

/// <summary>Signals that --help (or --version) was handled and the command should exit 0.</summary>
internal sealed class EarlyExitException : Exception;

/// <summary>
/// A small parser that behaves like Python's argparse for the subset the seed script uses, so error messages and
/// accepted spellings stay the same: "--flag value" and "--flag=value", unique prefixes of long flags
/// ("--thr 100"), negative numbers as values ("--c -3"), "--" to end flags, last occurrence wins, and the same
/// error order (bad value at once; then missing positionals; then unrecognized arguments).
/// </summary>
internal static partial class ArgParser
{
    [GeneratedRegex(@"^-\d+$|^-\d*\.\d+$")]
    private static partial Regex NegativeNumber();

    /// <summary>
    /// Parses <paramref name="args"/>; returns the positional arguments (at most <paramref name="positionalNames"/>.Length,
    /// or any number when <paramref name="lastIsVariadic"/>, like argparse's nargs='+' on the last one).
    /// </summary>
    /// <exception cref="UsageException">A mistake, with argparse's wording.</exception>
    public static List<string> Parse(IReadOnlyList<string> args, IReadOnlyList<FlagSpec> flags, IReadOnlyList<string> positionalNames,
        bool lastIsVariadic = false)
    {
        var positionals = new List<string>();
        var unrecognized = new List<string>();
        bool flagsEnded = false;
        for (int i = 0; i < args.Count; i++)
        {
            string arg = args[i];
            if (flagsEnded || !LooksLikeFlag(arg))
            {
                if (positionals.Count < positionalNames.Count || lastIsVariadic) positionals.Add(arg);
                else unrecognized.Add(arg);
                continue;
            }
            if (arg == "--") { flagsEnded = true; continue; }

            string name = arg;
            string? explicitValue = null;
            int eq = arg.IndexOf('=');
            if (eq > 0 && arg.StartsWith("--", StringComparison.Ordinal))
            {
                name = arg[..eq];
                explicitValue = arg[(eq + 1)..];
            }
            FlagSpec? spec = Resolve(name, flags);
            if (spec is null) { unrecognized.Add(arg); continue; }

            string? value = null;
            if (spec.TakesValue)
            {
                if (explicitValue is not null) value = explicitValue;
                else if (i + 1 < args.Count && !LooksLikeFlag(args[i + 1])) value = args[++i];
                else throw new UsageException($"argument {Display(spec)}: expected one argument");
            }
            else if (explicitValue is not null)
                throw new UsageException($"argument {Display(spec)}: ignored explicit argument '{explicitValue}'");

            try { spec.OnValue(value); }
            // FormatException: a value parsed by library code shared with pipelines (kernels), which cannot know the CLI's types.
            catch (Exception e) when (e is ArgumentValueException or FormatException)
            { throw new UsageException($"argument {Display(spec)}: {e.Message}"); }
        }

        if (positionals.Count < positionalNames.Count)
            throw new UsageException("the following arguments are required: " + string.Join(", ", positionalNames.Skip(positionals.Count)));
        if (unrecognized.Count > 0)
            throw new UsageException("unrecognized arguments: " + string.Join(' ', unrecognized));
        return positionals;
    }

    private static string Display(FlagSpec spec) => spec.Short is null ? spec.Name : $"{spec.Short}/{spec.Name}";

    /// <summary>argparse's test for "is this an option string": a leading dash, except "-", negative numbers and strings with spaces.</summary>
    private static bool LooksLikeFlag(string arg)
    {
        if (arg.Length < 2 || arg[0] != '-') return false;
        if (arg == "--") return true;
        if (NegativeNumber().IsMatch(arg)) return false;
        if (arg.Contains(' ') && !arg.StartsWith("--", StringComparison.Ordinal)) return false;
        if (arg.Contains(' ') && arg.StartsWith("--", StringComparison.Ordinal) && !arg.Contains('=')) return false;
        return true;
    }

    private static FlagSpec? Resolve(string name, IReadOnlyList<FlagSpec> flags)
    {
        foreach (var f in flags)
            if (f.Name == name || f.Short == name) return f;
        if (!name.StartsWith("--", StringComparison.Ordinal) || name.Length < 3) return null;
        var matches = flags.Where(f => f.Name.StartsWith(name, StringComparison.Ordinal)).ToList();
        if (matches.Count == 1) return matches[0];
        if (matches.Count > 1)
            throw new UsageException($"ambiguous option: {name} could match {string.Join(", ", matches.Select(m => m.Name))}");
        return null;
    }
}
