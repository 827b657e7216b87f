namespace SegmentSharp.Cli;

/// <summary>Process exit codes, the same as the seed script's (argparse exits 2, SystemExit(message) exits 1).</summary>
internal static class ExitCodes
{
    public const int Ok = 0;
    /// <summary>The input could not be read/decoded, the mask could not be written, or an internal error.</summary>
    public const int Failure = 1;
    /// <summary>Bad command line.</summary>
    public const int Usage = 2;
    /// <summary>Some items of a many-file command (batch) failed while the others succeeded.</summary>
    public const int PartialFailure = 3;
    /// <summary>The ONNX model loaded but does not fit the command (its inputs or outputs follow another convention).</summary>
    public const int ModelMismatch = 4;
}
