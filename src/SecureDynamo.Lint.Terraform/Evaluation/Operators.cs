using SecureDynamo.Lint.Core.Values;
using SecureDynamo.Lint.Hcl.Syntax;
using SecureDynamo.Lint.Hcl.Values;

namespace SecureDynamo.Lint.Terraform.Evaluation;

/// <summary>HCL's unary and binary operators over Core values, with unknown propagation.</summary>
internal static class Operators
{
    public static Value Binary(BinaryOperator op, Value l, Value r, string module)
    {
        switch (op)
        {
            case BinaryOperator.And:
                if (l.IsKnown && !l.IsNull && !ValueOps.ToBool(l)) return Value.False;
                if (r.IsKnown && !r.IsNull && !ValueOps.ToBool(r)) return Value.False;
                if (l.IsUnknown || r.IsUnknown) return Unknowns.From(module, new[] { l, r });
                return Value.Bool(ValueOps.ToBool(l) && ValueOps.ToBool(r));
            case BinaryOperator.Or:
                if (l.IsKnown && !l.IsNull && ValueOps.ToBool(l)) return Value.True;
                if (r.IsKnown && !r.IsNull && ValueOps.ToBool(r)) return Value.True;
                if (l.IsUnknown || r.IsUnknown) return Unknowns.From(module, new[] { l, r });
                return Value.Bool(ValueOps.ToBool(l) || ValueOps.ToBool(r));
            case BinaryOperator.Equal or BinaryOperator.NotEqual:
                // A known value is null or not whatever unknowns it holds inside: `var.x != null` is known for { k = aws_kms_key.k.arn }.
                if (l.IsKnown && r.IsKnown && l.IsNull != r.IsNull) return Value.Bool(op == BinaryOperator.NotEqual);
                if (l.ContainsUnknown() || r.ContainsUnknown()) return Unknowns.From(module, new[] { l, r });
                var same = ValueOps.Same(l, r);
                return Value.Bool(op == BinaryOperator.Equal ? same : !same);
        }
        if (l.IsUnknown || r.IsUnknown) return Unknowns.From(module, new[] { l, r });
        if (l.IsNull || r.IsNull) throw new EvaluationError($"operator {op} cannot take a null operand");
        var a = ValueOps.ToNumber(l);
        var b = ValueOps.ToNumber(r);
        var result = op switch
        {
            BinaryOperator.Add => ValueOps.Number(a + b),
            BinaryOperator.Subtract => ValueOps.Number(a - b),
            BinaryOperator.Multiply => ValueOps.Number(a * b),
            BinaryOperator.Divide => b.Mantissa.IsZero ? throw new EvaluationError("division by zero") : ValueOps.Number(HclNumber.Divide(a, b)),
            BinaryOperator.Modulo => b.Mantissa.IsZero ? throw new EvaluationError("modulo by zero") : ValueOps.Number(HclNumber.Modulo(a, b)),
            BinaryOperator.LessThan => Value.Bool(a.CompareTo(b) < 0),
            BinaryOperator.LessThanOrEqual => Value.Bool(a.CompareTo(b) <= 0),
            BinaryOperator.GreaterThan => Value.Bool(a.CompareTo(b) > 0),
            BinaryOperator.GreaterThanOrEqual => Value.Bool(a.CompareTo(b) >= 0),
            _ => throw new EvaluationError($"unsupported operator {op}"),
        };
        return l.Sensitive || r.Sensitive ? result.WithSensitive() : result;
    }

    public static Value Unary(UnaryOperator op, Value v, string module)
    {
        if (v.IsUnknown) return Unknowns.From(module, new[] { v });
        if (v.IsNull) throw new EvaluationError("an operator cannot take a null operand");
        return op == UnaryOperator.Not ? Value.Bool(!ValueOps.ToBool(v)) : ValueOps.Number(-ValueOps.ToNumber(v));
    }
}
