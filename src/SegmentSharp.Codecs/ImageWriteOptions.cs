namespace SegmentSharp.Codecs;

/// <summary>When to store a single-channel image whose only values are 0 and 255 as 1 bit per pixel.</summary>
public enum BilevelMode
{
    /// <summary>Pack to 1 bit (1-bit PNG, CCITT G4 TIFF, PBM for .pbm) whenever the image is bilevel.</summary>
    Auto = 0,
    /// <summary>Always write 8-bit samples, as OpenCV's <c>imwrite</c> does.</summary>
    Never,
}

/// <summary>Compression for gray and colour TIFF output.</summary>
public enum TiffCompression
{
    /// <summary>zlib/Deflate (Adobe), with horizontal predictor off.</summary>
    Deflate = 0,
    /// <summary>LZW.</summary>
    Lzw,
    /// <summary>No compression.</summary>
    None,
}

/// <summary>Options for <see cref="ImageFile.Write(string, SegmentSharp.Imaging.Image{byte}, ImageWriteOptions?)"/>.</summary>
public sealed record ImageWriteOptions
{
    /// <summary>Bilevel packing; see <see cref="BilevelMode"/>.</summary>
    public BilevelMode Bilevel { get; init; } = BilevelMode.Auto;
    /// <summary>PNG zlib level 0–9. OpenCV's <c>imwrite</c> default is 1.</summary>
    public int PngCompressionLevel { get; init; } = 1;
    /// <summary>TIFF compression for images that are not bilevel (bilevel ones use CCITT G4).</summary>
    public TiffCompression TiffCompression { get; init; } = TiffCompression.Deflate;
    /// <summary>The defaults.</summary>
    public static ImageWriteOptions Default { get; } = new();
}
