namespace SegmentSharp.Codecs;

/// <summary>File formats SegmentSharp reads and writes.</summary>
public enum ImageFormat
{
    /// <summary>Not recognised.</summary>
    Unknown = 0,
    /// <summary>Portable Network Graphics.</summary>
    Png,
    /// <summary>JPEG (JFIF/EXIF), baseline and progressive.</summary>
    Jpeg,
    /// <summary>Windows bitmap.</summary>
    Bmp,
    /// <summary>Tagged Image File Format.</summary>
    Tiff,
    /// <summary>Netpbm PBM/PGM/PPM.</summary>
    Pnm,
}
