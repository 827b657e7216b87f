namespace SegmentSharp.Codecs;

/// <summary>
/// Thrown when a file cannot be decoded: it is empty, truncated, corrupt, of an unknown type, or uses a
/// feature SegmentSharp does not read. The message says which, in words meant for the user.
/// </summary>
public sealed class ImageFormatException : Exception
{
    /// <summary>Creates the exception with a user-facing message.</summary>
    public ImageFormatException(string message) : base(message) { }
    /// <summary>Creates the exception with a user-facing message and its cause.</summary>
    public ImageFormatException(string message, Exception inner) : base(message, inner) { }
}
