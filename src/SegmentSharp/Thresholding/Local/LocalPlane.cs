namespace SegmentSharp.Thresholding.Local;

/// <summary>A pinned single-channel 8-bit plane that band workers (lambdas) can read; valid only while pinned.</summary>
internal readonly unsafe struct LocalPlane(byte* data, int width, int height, int stride)
{
    public readonly byte* Data = data;
    public readonly int Width = width, Height = height, Stride = stride;
    public byte* Row(int y) => Data + (long)y * Stride;
}
