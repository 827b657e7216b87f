namespace SegmentSharp.Codecs;

/// <summary>One colour component of a JPEG frame and its decoding state.</summary>
internal sealed class JpegComponent
{
    internal int Id, H, V, QuantIndex;
    /// <summary>Quantisation table (natural order) latched when the component's first scan starts, as libjpeg does.</summary>
    internal short[]? Quant;
    /// <summary>Blocks per row / column including the padding of partial MCUs.</summary>
    internal int BlocksW, BlocksH;
    /// <summary>Blocks that cover the component's own samples (what a non-interleaved scan codes).</summary>
    internal int CompBlocksW, CompBlocksH;
    /// <summary>Component size in samples: ceil(image size × sampling factor / max sampling factor).</summary>
    internal int DownW, DownH;
    /// <summary>Decoded samples, <see cref="CompBlocksW"/>·8 wide.</summary>
    internal byte[]? Plane;
    internal int PlaneStride;
    /// <summary>Coefficients of a progressive image, 64 per block in natural order, BlocksW × BlocksH blocks.</summary>
    internal short[]? Coefs;
    internal int DcPred;
    internal JpegHuffmanTable? Dc, Ac;
    /// <summary>False for chroma when only gray output is wanted: its blocks are parsed but never transformed.</summary>
    internal bool Needed = true;
}
