using System.Globalization;
using SegmentSharp.Onnx;

namespace SegmentSharp.Cli;

/// <summary>
/// The input-preparation flags of the model commands. Each command starts from its model family's convention; a flag
/// overrides one part of it. A model that declares a fixed input height and width is fed at that size unless --size is given.
/// </summary>
internal sealed class PreprocessFlags(ModelPreprocessing defaults)
{
    public ModelPreprocessing Spec = defaults;
    public bool SizeGiven;

    public const string Help = """
        input options (each command starts from its model family's convention):
          --size N | WxH        model input size: with --resize stretch/letterbox the input is N×N or W×H; with
                                keep the longer side is limited to N (default: the model's fixed input size when it
                                declares one, else the command's default)
          --resize {stretch,letterbox,keep,none}
                                stretch to the size, fit inside it with black padding, keep the aspect ratio under
                                a longest-side limit, or feed the image at its own size
          --multiple N          with keep/none, round each side to a multiple of N
          --bgr / --rgb         channel order fed to the model
          --scale S             factor applied to 0-255 samples before mean and std (e.g. 0.00392156862745098)
          --mean A,B,C          per-channel mean, in the order fed     --std A,B,C  per-channel std
          --nhwc                lay the tensor out as NHWC instead of NCHW
        """;

    public void AddFlags(List<FlagSpec> flags)
    {
        flags.Add(new("--size", "N", v => { Spec = ParseSize(v!); SizeGiven = true; }));
        flags.Add(new("--resize", "MODE", v => Spec = Spec with
        {
            Resize = FlagValues.Choice(v!, ["stretch", "letterbox", "keep", "none"]) switch
            {
                0 => ResizeMode.Stretch, 1 => ResizeMode.Letterbox, 2 => ResizeMode.KeepAspect, _ => ResizeMode.None,
            },
        }));
        flags.Add(new("--multiple", "N", v => Spec = Spec with { Multiple = FlagValues.Int(v!, 1, 4096, "multiple") }));
        flags.Add(new("--bgr", null, _ => Spec = Spec with { Rgb = false }));
        flags.Add(new("--rgb", null, _ => Spec = Spec with { Rgb = true }));
        flags.Add(new("--scale", "S", v => Spec = Spec with { Scale = (float)FlagValues.Double(v!) }));
        flags.Add(new("--mean", "A,B,C", v => Spec = Spec with { Mean = Triple(v!, false) }));
        flags.Add(new("--std", "A,B,C", v => Spec = Spec with { Std = Triple(v!, true) }));
        flags.Add(new("--nhwc", null, _ => Spec = Spec with { Layout = Models.TensorLayout.Nhwc }));
    }

    private ModelPreprocessing ParseSize(string v)
    {
        int x = v.IndexOfAny(['x', 'X']);
        if (x < 0)
        {
            int n = FlagValues.Int(v, 1, 16384, "size");
            return Spec with { Width = n, Height = n };
        }
        int w = FlagValues.Int(v[..x], 1, 16384, "width"), h = FlagValues.Int(v[(x + 1)..], 1, 16384, "height");
        return Spec with { Width = w, Height = h };
    }

    private static float[] Triple(string v, bool positive)
    {
        var parts = v.Split(',');
        if (parts.Length != 3) throw new ArgumentValueException($"expected three comma-separated numbers, not '{v}'");
        var r = new float[3];
        for (int i = 0; i < 3; i++)
        {
            if (!float.TryParse(parts[i].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out r[i]) || !float.IsFinite(r[i]))
                throw new ArgumentValueException($"invalid float value: '{parts[i]}'");
            if (positive && r[i] <= 0) throw new ArgumentValueException($"std values must be positive, not {parts[i]}");
        }
        return r;
    }

    /// <summary>The spec for <paramref name="model"/>: its fixed input size wins over the default unless --size was given.</summary>
    public ModelPreprocessing For(OnnxModel model)
    {
        var fitted = ModelFlags.Guard(() => Spec.FitTo(model));
        return SizeGiven ? Spec : fitted;
    }
}
