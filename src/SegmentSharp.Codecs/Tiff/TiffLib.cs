using BitMiracle.LibTiff.Classic;

namespace SegmentSharp.Codecs;

/// <summary>
/// Glue to LibTiff.NET (BitMiracle.LibTiff.NET, a managed port of libtiff, BSD licence): in-memory streams and a
/// process-wide error handler that keeps libtiff silent and records its messages for the calling thread, so that
/// failures surface as <see cref="ImageFormatException"/> with libtiff's own explanation instead of console output.
/// </summary>
internal static class TiffLib
{
    [ThreadStatic] private static string? t_lastError;

    private sealed class SilentHandler : TiffErrorHandler
    {
        public override void ErrorHandler(Tiff tif, string method, string format, params object[] args) => Record(method, format, args);
        public override void ErrorHandlerExt(Tiff tif, object clientData, string method, string format, params object[] args) => Record(method, format, args);
        public override void WarningHandler(Tiff tif, string method, string format, params object[] args) { }
        public override void WarningHandlerExt(Tiff tif, object clientData, string method, string format, params object[] args) { }

        private static void Record(string method, string format, object[] args)
        {
            string msg;
            try { msg = args is { Length: > 0 } ? string.Format(System.Globalization.CultureInfo.InvariantCulture, format, args) : format; }
            catch (FormatException) { msg = format; }
            t_lastError ??= string.IsNullOrEmpty(method) ? msg : $"{method}: {msg}";
        }
    }

    static TiffLib() => Tiff.SetErrorHandler(new SilentHandler());

    /// <summary>Installs the silent handler (idempotent) and clears this thread's last message.</summary>
    internal static void Begin() => t_lastError = null;

    /// <summary>An exception carrying libtiff's first message for this thread, or <paramref name="fallback"/>.</summary>
    internal static ImageFormatException Fail(string fallback)
    {
        string? e = t_lastError;
        return new ImageFormatException(e is null ? fallback : $"{fallback} ({e})");
    }

    internal static Tiff OpenRead(byte[] data)
    {
        Begin();
        var tif = Tiff.ClientOpen("memory", "r", new MemoryStream(data, writable: false), new TiffStream());
        return tif ?? throw Fail("corrupt TIFF: the header or first directory cannot be read");
    }

    internal static Tiff OpenWrite(MemoryStream stream)
    {
        Begin();
        return Tiff.ClientOpen("memory", "w", stream, new TiffStream()) ?? throw new InvalidOperationException("libtiff could not start a TIFF in memory");
    }

    internal static int Int(Tiff tif, TiffTag tag, int fallback)
    {
        var v = tif.GetField(tag);
        return v is { Length: > 0 } ? v[0].ToInt() : fallback;
    }
}
