namespace SegmentSharp.Cli;

/// <summary>A command-line mistake: reported as "usage: …" plus "PROG: error: MESSAGE" and exit code 2, like argparse.</summary>
internal sealed class UsageException(string message) : Exception(message);

/// <summary>Thrown by a flag's value converter; the parser prefixes "argument --flag: ".</summary>
internal sealed class ArgumentValueException(string message) : Exception(message);
