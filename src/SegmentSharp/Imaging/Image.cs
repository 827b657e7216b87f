namespace SegmentSharp.Imaging;

/// <summary>
/// An owned, row-major image of <typeparamref name="T"/> samples with interleaved channels.
/// The layout matches OpenCV's <c>cv::Mat</c> (colour images are stored B, G, R[, A]), so pixel
/// data can be compared with OpenCV without reordering.
/// </summary>
/// <remarks>
/// Typical instantiations: <c>Image&lt;byte&gt;</c> with 1, 3 or 4 channels (8-bit gray, BGR, BGRA),
/// <c>Image&lt;ushort&gt;</c> (16-bit), <c>Image&lt;int&gt;</c> (label images) and
/// <c>Image&lt;float&gt;</c>. <see cref="Stride"/> counts elements, not bytes, and may exceed
/// <c>Width * Channels</c> when the image wraps a foreign buffer.
/// </remarks>
/// <typeparam name="T">The sample type.</typeparam>
public sealed class Image<T> where T : unmanaged
{
    /// <summary>Creates a zero-filled image with a tight stride.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A dimension is not positive, or the image is too large for one array.</exception>
    public Image(int width, int height, int channels = 1)
    {
        ImageGuard.CheckSize(width, height, channels);
        Width = width;
        Height = height;
        Channels = channels;
        Stride = width * channels;
        Data = GC.AllocateUninitializedArray<T>(checked(Stride * height));
        Array.Clear(Data);
    }

    /// <summary>Wraps an existing buffer without copying it.</summary>
    public Image(T[] data, int width, int height, int channels = 1, int stride = 0)
    {
        ArgumentNullException.ThrowIfNull(data);
        ImageGuard.CheckSize(width, height, channels);
        if (stride == 0) stride = width * channels;
        if (stride < width * channels) throw new ArgumentOutOfRangeException(nameof(stride), "Stride is smaller than width × channels.");
        if ((long)stride * (height - 1) + (long)width * channels > data.Length)
            throw new ArgumentException("The buffer is too small for the given size and stride.", nameof(data));
        Data = data;
        Width = width;
        Height = height;
        Channels = channels;
        Stride = stride;
    }

    /// <summary>Width in pixels.</summary>
    public int Width { get; }
    /// <summary>Height in pixels.</summary>
    public int Height { get; }
    /// <summary>Interleaved channels per pixel (1 gray, 3 BGR, 4 BGRA).</summary>
    public int Channels { get; }
    /// <summary>Distance between row starts, in elements of <typeparamref name="T"/>.</summary>
    public int Stride { get; }
    /// <summary>The backing buffer.</summary>
    public T[] Data { get; }
    /// <summary>Number of pixels, <c>Width * Height</c>.</summary>
    public long PixelCount => (long)Width * Height;

    /// <summary>One row's samples (<c>Width * Channels</c> elements).</summary>
    public Span<T> Row(int y) => Data.AsSpan(y * Stride, Width * Channels);

    /// <summary>A writable view of the whole image.</summary>
    public ImageView<T> View => new(Data, Width, Height, Channels, Stride);

    /// <summary>A read-only view of the whole image.</summary>
    public ReadOnlyImageView<T> ReadOnlyView => new(Data, Width, Height, Channels, Stride);

    /// <summary>Creates an image of the same size and channel count, zero-filled.</summary>
    public Image<T> CloneEmpty() => new(Width, Height, Channels);

    /// <summary>Deep copy with a tight stride.</summary>
    public Image<T> Clone()
    {
        var copy = new Image<T>(Width, Height, Channels);
        for (int y = 0; y < Height; y++) Row(y).CopyTo(copy.Row(y));
        return copy;
    }

    /// <summary>Converts implicitly to a writable view.</summary>
    public static implicit operator ImageView<T>(Image<T> image) => image.View;
    /// <summary>Converts implicitly to a read-only view.</summary>
    public static implicit operator ReadOnlyImageView<T>(Image<T> image) => image.ReadOnlyView;
}

internal static class ImageGuard
{
    public static void CheckSize(int width, int height, int channels)
    {
        if (width <= 0) throw new ArgumentOutOfRangeException(nameof(width), width, "Width must be positive.");
        if (height <= 0) throw new ArgumentOutOfRangeException(nameof(height), height, "Height must be positive.");
        if (channels is < 1 or > 4) throw new ArgumentOutOfRangeException(nameof(channels), channels, "Channels must be 1 to 4.");
        if ((long)width * height * channels > Array.MaxLength)
            throw new ArgumentOutOfRangeException(nameof(width), $"A {width}×{height}×{channels} image does not fit in one array.");
    }

    public static void SameSize<TA, TB>(in ReadOnlyImageView<TA> a, in ImageView<TB> b, string paramName)
        where TA : unmanaged where TB : unmanaged
    {
        if (a.Width != b.Width || a.Height != b.Height || a.Channels != b.Channels)
            throw new ArgumentException(
                $"Destination is {b.Width}×{b.Height}×{b.Channels} but source is {a.Width}×{a.Height}×{a.Channels}.", paramName);
    }

    public static void SingleChannel<T>(in ReadOnlyImageView<T> a, string paramName) where T : unmanaged
    {
        if (a.Channels != 1) throw new ArgumentException($"Expected a single-channel image, got {a.Channels} channels.", paramName);
    }
}
