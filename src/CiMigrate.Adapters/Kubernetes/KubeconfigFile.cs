using System.Diagnostics.CodeAnalysis;
using k8s;
using k8s.Exceptions;
using k8s.KubeConfigModels;
using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace CiMigrate.Kubernetes;

/// <summary>
/// Reads a kubeconfig file into KubernetesClient's model with YamlDotNet and the model's own YamlMember aliases.
/// KubernetesClient's reader (KubernetesYaml) sorts properties by metadata token, which the Native AOT build does not
/// have, so it fails there; this reads the same files the same way in both builds.
/// </summary>
static class KubeconfigFile
{
    static readonly IDeserializer Yaml = CreateReader();

    public static K8SConfiguration Load(string path)
    {
        K8SConfiguration? config;
        try
        {
            config = Yaml.Deserialize<K8SConfiguration?>(File.ReadAllText(path));
        }
        catch (YamlException ex)
        {
            throw new KubeConfigException($"it is not valid YAML ({ex.Start.Line}:{ex.Start.Column}: {ex.Message})");
        }

        if (config is null)
            throw new KubeConfigException("the file is empty");
        // Certificate and key files named relative to the kubeconfig resolve from its folder, as kubectl does.
        config.FileName = Path.GetFullPath(path);
        return config;
    }

    // Reflection over the kubeconfig model: the AOT build keeps YamlDotNet and KubernetesClient whole (see
    // CiMigrate.csproj), and build/test-aot.sh runs the Kubernetes tests against the AOT binary.
    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = "YamlDotNet and KubernetesClient are rooted in the AOT build.")]
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "YamlDotNet and KubernetesClient are rooted in the AOT build.")]
    static IDeserializer CreateReader() => new DeserializerBuilder().IgnoreUnmatchedProperties().Build();

    public static KubernetesClientConfiguration Build(string path, string? context) =>
        KubernetesClientConfiguration.BuildConfigFromConfigObject(Load(path), context);
}
