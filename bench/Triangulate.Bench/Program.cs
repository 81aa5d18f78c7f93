using BenchmarkDotNet.Running;
using Triangulate.Bench;

// `link --docs N [--seed S]` runs the whole linking stage on a generated corpus and prints quality and speed;
// anything else goes to BenchmarkDotNet.
if (args.Length > 0 && args[0] == "link") return LinkRun.Run(args[1..]);
if (args.Length > 0 && args[0] == "extract-profile") return ExtractProfile.Run();
if (args.Length > 0 && args[0] == "doc-profile") return DocProfile.Run(args[1..]);
if (args.Length > 0 && args[0] == "story-page") return StoryPageRun.Run(args[1..]);
if (args.Length > 0 && args[0] == "corpus-profile") return CorpusStageProfile.Run(args[1..]);
if (args.Length > 0 && args[0] == "serve-load") return ServeLoadRun.Run(args[1..]);
#if EMBEDDINGS
// The sentence-embedding experiment (issue 13), in a build with -p:Embeddings=true: see EmbedRun.
if (args.Length > 0 && args[0] == "embed-cost") return EmbedRun.Cost(args[1..]);
if (args.Length > 0 && args[0] == "embed-pairs") return EmbedRun.Pairs(args[1..]);
if (args.Length > 0 && args[0] == "embed-vote") return EmbedRun.Vote(args[1..]);
#endif
if (args.Length > 0 && args[0] == "story-profile") return StoryStageProfile.Run(args[1..]);
BenchmarkSwitcher.FromAssembly(typeof(LinkRun).Assembly).Run(args);
return 0;
