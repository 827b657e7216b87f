namespace SegmentSharp.Cli;

internal static class CliApp
{
    public static int Run(string[] args)
    {
        Console.Error.WriteLine("segment: not implemented yet");
        return 2;
    }
}
