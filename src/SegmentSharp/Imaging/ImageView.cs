namespace SegmentSharp.Imaging;

/// <summary>
/// A writable, non-owning view of image samples: width, height, channels and a stride in elements.
/// Views are what the operations take, so they work on pooled buffers, sub-regions and
/// foreign memory alike.
/// </summary>
public readonly ref struct ImageView<T> where T : unmanaged
{
    private readonly Span<T> _data;

    /// <summary>Creates a view over <paramref name="data"/>.</summary>
    public ImageView(Span<T> data, int width, int height, int channels = 1, int stride = 0)
    {
        ImageGuard.CheckSize(width, height, channels);
        if (stride == 0) stride = width * channels;
        if (stride < width * channels) throw new ArgumentOutOfRangeException(nameof(stride));
        if ((long)stride * (height - 1) + (long)width * channels > data.Length)
            throw new ArgumentException("The span is too small for the given size and stride.", nameof(data));
        _data = data;
        Width = width; Height = height; Channels = channels; Stride = stride;
    }

    /// <summary>Width in pixels.</summary>
    public int Width { get; }
    /// <summary>Height in pixels.</summary>
    public int Height { get; }
    /// <summary>Interleaved channels per pixel.</summary>
    public int Channels { get; }
    /// <summary>Distance between row starts, in elements.</summary>
    public int Stride { get; }
    /// <summary>The underlying samples, starting at row 0.</summary>
    public Span<T> Data => _data;

    /// <summary>One row's samples (<c>Width * Channels</c> elements).</summary>
    public Span<T> Row(int y) => _data.Slice(y * Stride, Width * Channels);

    /// <summary>A rectangular sub-view sharing the same memory.</summary>
    public ImageView<T> Slice(int x, int y, int width, int height)
    {
        if ((uint)x > (uint)Width || (uint)y > (uint)Height || width <= 0 || height <= 0 || x + width > Width || y + height > Height)
            throw new ArgumentOutOfRangeException(nameof(x), "The region lies outside the image.");
        int start = y * Stride + x * Channels;
        int length = (height - 1) * Stride + width * Channels;
        return new ImageView<T>(_data.Slice(start, length), width, height, Channels, Stride);
    }

    /// <summary>The same view, read-only.</summary>
    public ReadOnlyImageView<T> AsReadOnly() => new(_data, Width, Height, Channels, Stride);

    /// <summary>Converts to a read-only view.</summary>
    public static implicit operator ReadOnlyImageView<T>(ImageView<T> v) => v.AsReadOnly();
}

/// <summary>A read-only, non-owning view of image samples. See <see cref="ImageView{T}"/>.</summary>
public readonly ref struct ReadOnlyImageView<T> where T : unmanaged
{
    private readonly ReadOnlySpan<T> _data;

    /// <summary>Creates a view over <paramref name="data"/>.</summary>
    public ReadOnlyImageView(ReadOnlySpan<T> data, int width, int height, int channels = 1, int stride = 0)
    {
        ImageGuard.CheckSize(width, height, channels);
        if (stride == 0) stride = width * channels;
        if (stride < width * channels) throw new ArgumentOutOfRangeException(nameof(stride));
        if ((long)stride * (height - 1) + (long)width * channels > data.Length)
            throw new ArgumentException("The span is too small for the given size and stride.", nameof(data));
        _data = data;
        Width = width; Height = height; Channels = channels; Stride = stride;
    }

    /// <summary>Width in pixels.</summary>
    public int Width { get; }
    /// <summary>Height in pixels.</summary>
    public int Height { get; }
    /// <summary>Interleaved channels per pixel.</summary>
    public int Channels { get; }
    /// <summary>Distance between row starts, in elements.</summary>
    public int Stride { get; }
    /// <summary>The underlying samples, starting at row 0.</summary>
    public ReadOnlySpan<T> Data => _data;

    /// <summary>One row's samples (<c>Width * Channels</c> elements).</summary>
    public ReadOnlySpan<T> Row(int y) => _data.Slice(y * Stride, Width * Channels);

    /// <summary>A rectangular sub-view sharing the same memory.</summary>
    public ReadOnlyImageView<T> Slice(int x, int y, int width, int height)
    {
        if ((uint)x > (uint)Width || (uint)y > (uint)Height || width <= 0 || height <= 0 || x + width > Width || y + height > Height)
            throw new ArgumentOutOfRangeException(nameof(x), "The region lies outside the image.");
        int start = y * Stride + x * Channels;
        int length = (height - 1) * Stride + width * Channels;
        return new ReadOnlyImageView<T>(_data.Slice(start, length), width, height, Channels, Stride);
    }
}
