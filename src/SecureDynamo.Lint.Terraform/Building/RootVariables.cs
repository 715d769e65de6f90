using System.Text;
using SecureDynamo.Lint.Core.Diagnostics;
using SecureDynamo.Lint.Core.Values;
using SecureDynamo.Lint.Hcl;
using SecureDynamo.Lint.Hcl.Syntax;
using SecureDynamo.Lint.Terraform.Evaluation;
using SecureDynamo.Lint.Terraform.Functions;
using SecureDynamo.Lint.Terraform.Loading;

namespace SecureDynamo.Lint.Terraform.Building;

/// <summary>
/// Root variable values with Terraform's precedence, lowest first: <c>default</c>,
/// <c>TF_VAR_name</c> environment variables (only for declared variables, as Terraform),
/// <c>terraform.tfvars</c>, <c>terraform.tfvars.json</c>, <c>*.auto.tfvars</c> and
/// <c>*.auto.tfvars.json</c> in lexical order, then <c>--var-file</c> files, then <c>--var</c> values
/// (securedynamo applies all <c>--var-file</c>s before all <c>--var</c>s).
/// </summary>
internal static class RootVariables
{
    public static Dictionary<string, Func<Value>> Collect(ReadContext context, ModuleDefinition root, TerraformReadOptions options)
    {
        var values = new Dictionary<string, Value>(StringComparer.Ordinal);
        var evaluator = new ExpressionEvaluator(new ConstantScope(context.RootOnDisk, context.Warn));
        foreach (var (name, text) in options.EnvironmentVars.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (root.Variables.TryGetValue(name, out var declared)) values[name] = Assigned(name, text, declared, evaluator, "TF_VAR_" + name);
        }
        var automatic = new List<string>();
        foreach (var name in new[] { "terraform.tfvars", "terraform.tfvars.json" })
        {
            var p = Path.Combine(context.RootOnDisk, name);
            if (File.Exists(p)) automatic.Add(p);
        }
        automatic.AddRange(Directory.GetFiles(context.RootOnDisk)
            .Where(f => f.EndsWith(".auto.tfvars", StringComparison.Ordinal) || f.EndsWith(".auto.tfvars.json", StringComparison.Ordinal))
            .OrderBy(f => Path.GetFileName(f), StringComparer.Ordinal));
        foreach (var file in automatic) ReadFile(file, ModuleLoader.Relative(context.RootOnDisk, file), values, evaluator, context);
        foreach (var file in options.VarFiles)
        {
            if (!File.Exists(file)) throw new InputException(file, "--var-file: no such file");
            ReadFile(file, file, values, evaluator, context);
        }
        foreach (var assignment in options.Vars)
        {
            var eq = assignment.IndexOf('=');
            if (eq <= 0) throw new InputException("--var", $"\"{assignment}\" is not NAME=VALUE");
            var name = assignment[..eq].Trim();
            var text = assignment[(eq + 1)..];
            values[name] = root.Variables.TryGetValue(name, out var declared) ? Assigned(name, text, declared, evaluator, "--var") : Value.String(text);
        }
        foreach (var name in values.Keys.Where(n => !root.Variables.ContainsKey(n)).ToList())
        {
            context.Warn($"a value was given for variable \"{name}\", which the root module does not declare", null);
        }
        return values.ToDictionary(p => p.Key, p => (Func<Value>)(() => p.Value), StringComparer.Ordinal);
    }

    /// <summary>A value given as text (<c>--var</c>, <c>TF_VAR_</c>): literal for primitive types, HCL for the others, as Terraform reads it.</summary>
    private static Value Assigned(string name, string text, Block declared, ExpressionEvaluator evaluator, string origin) =>
        IsPrimitive(declared) ? Value.String(text) : ParseComplex(name, text, evaluator, origin);

    /// <summary>Whether the declared type is absent or primitive (a bare keyword, or a string in .tf.json): Terraform takes such --var values literally and parses the others (any, lists, maps, objects) as HCL.</summary>
    private static bool IsPrimitive(Block variable)
    {
        var type = variable.Body.Attributes.FirstOrDefault(a => a.Name == "type")?.Expression;
        var name = type switch
        {
            null => "string",
            TemplateExpr { Parts: [LiteralValue { Value: Hcl.Values.HclString s }] } => s.Value.Trim(),
            _ => ModuleInstance.TraversalName(type),
        };
        return name is "string" or "number" or "bool";
    }

    private static Value ParseComplex(string name, string text, ExpressionEvaluator evaluator, string origin)
    {
        var parsed = HclParser.ParseExpression(origin + " " + name, Encoding.UTF8.GetBytes(text));
        if (parsed.HasErrors) throw new InputException(origin, $"{name}: {parsed.Diagnostics.First(d => d.Severity == HclSeverity.Error).Summary}");
        try
        {
            return evaluator.Evaluate(parsed.Expression, Bindings.Empty).WithRange(null);
        }
        catch (EvaluationError e)
        {
            throw new InputException(origin, $"{name}: {e.Message}");
        }
    }

    private static void ReadFile(string path, string display, Dictionary<string, Value> values, ExpressionEvaluator evaluator, ReadContext context)
    {
        byte[] bytes;
        try
        {
            bytes = Loading.BoundedFile.Read(path, Loading.BoundedFile.MaxConfigBytes);
        }
        catch (Loading.BoundedFile.FileTooLargeException e)
        {
            throw new InputException(display, e.Message);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException(display, "cannot be read: " + e.Message);
        }
        if (path.EndsWith(".json", StringComparison.Ordinal))
        {
            Value decoded;
            try
            {
                decoded = Json.Decode(new UTF8Encoding(false).GetString(bytes).TrimStart('\uFEFF'));
            }
            catch (EvaluationError e)
            {
                throw new InputException(display, e.Message);
            }
            if (decoded.Kind != ValueKind.Map) throw new InputException(display, "must be a JSON object (of variable names and values)", 1, 1);
            // A "//" key is a comment in Terraform's JSON syntax, not a variable.
            foreach (var (k, v) in decoded.Fields) if (k != "//") values[k] = v;
            return;
        }
        var file = HclParser.ParseConfig(display, bytes);
        var error = file.Diagnostics.FirstOrDefault(d => d.Severity == HclSeverity.Error);
        if (error is not null) throw new InputException(display, error.Summary, error.Range.Start.Line, error.Range.Start.Column);
        foreach (var a in file.Body.Attributes)
        {
            try
            {
                values[a.Name] = evaluator.Evaluate(a.Expression, Bindings.Empty);
            }
            catch (EvaluationError e)
            {
                throw new InputException(display, $"{a.Name}: {e.Message}", (e.Range ?? a.Range).Start.Line, (e.Range ?? a.Range).Start.Column);
            }
        }
    }
}
