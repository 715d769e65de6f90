using SecureDynamo.Lint.Core.Values;

namespace SecureDynamo.Lint.Core.Graph;

/// <summary>One module of the configuration (the root or a called module), by configuration path.</summary>
public sealed class ModuleConfig
{
    public ModuleConfig(
        string path,
        IReadOnlyDictionary<string, ResourceConfig> resources,
        IReadOnlyDictionary<string, ModuleCall> calls,
        IReadOnlyDictionary<string, Value?> variableDefaults,
        IReadOnlyDictionary<string, Expression> outputs)
    {
        Path = path;
        Resources = resources;
        Calls = calls;
        VariableDefaults = variableDefaults;
        Outputs = outputs;
    }

    /// <summary>"" for the root, else <c>module.a.module.b</c>.</summary>
    public string Path { get; }

    /// <summary>Resources by address inside the module (<c>aws_kms_key.k</c>, <c>data.x.y</c>).</summary>
    public IReadOnlyDictionary<string, ResourceConfig> Resources { get; }

    public IReadOnlyDictionary<string, ModuleCall> Calls { get; }

    /// <summary>Declared variables with their default (null entry: declared without default).</summary>
    public IReadOnlyDictionary<string, Value?> VariableDefaults { get; }

    public IReadOnlyDictionary<string, Expression> Outputs { get; }
}

/// <summary>A <c>module</c> block: its arguments (in the caller's scope) and the called module.</summary>
public sealed record ModuleCall(string Name, string? Source, IReadOnlyDictionary<string, Expression> Arguments, ModuleConfig Module);
