namespace SecureDynamo.Lint.Hcl;

/// <summary>
/// Every syntax message in one place. Summaries follow HashiCorp HCL's wording so that users
/// who know Terraform recognise them.
/// </summary>
internal static class HclMessages
{
    public static (string, string) InvalidCharacter => ("Invalid character", "This character is not used within the language.");
    public static (string, string) CurlyQuote => ("Invalid character", "\"Curly quotes\" are not valid here. These can sometimes be inadvertently introduced when sharing code via documents or discussion forums. It might help to replace the character with a \"straight quote\".");
    public static (string, string) Apostrophe => ("Invalid character", "Single quotes are not valid. Use double quotes (\") to enclose strings.");
    public static (string, string) Backtick => ("Invalid character", "The \"`\" character is not valid. To create a multi-line string, use the \"heredoc\" syntax, like \"<<EOT\".");
    public static (string, string) Semicolon => ("Invalid character", "The \";\" character is not valid. Use newlines to separate arguments and blocks, and commas to separate items in collection values.");
    public static (string, string) NulCharacter => ("Invalid character", "NUL bytes are only allowed inside strings and comments.");
    public static (string, string) BadUtf8 => ("Invalid character encoding", "All input files must be UTF-8 encoded. Ensure that UTF-8 encoding is selected in your editor.");
    public static (string, string) MultiLineString => ("Invalid multi-line string", "Quoted strings may not be split over multiple lines. To produce a multi-line string, either use the \\n escape to represent a newline character or use the \"heredoc\" multi-line template syntax.");

    public static (string, string) BitwiseOperator(string suggestion) => ("Unsupported operator", "Bitwise operators are not supported." + suggestion);

    public static (string, string) ArgumentOrBlockRequired => ("Argument or block definition required", "An argument or block definition is required here.");
    public static (string, string) ArgumentOrBlockRequiredEquals => ("Argument or block definition required", "An argument or block definition is required here. To set an argument, use the equals sign \"=\" to introduce the argument value.");
    public static (string, string) QuotedArgumentName => ("Invalid argument name", "Argument names must not be quoted.");
    public static (string, string) AttributeRedefined(string name, string previous) => ("Attribute redefined", $"The argument \"{name}\" was already set at {previous}. Each argument may be set only once.");
    public static (string, string) MissingNewlineAfterArgument => ("Missing newline after argument", "An argument definition must end with a newline.");
    public static (string, string) CommaAfterArgument => ("Unexpected comma after argument", "Argument definitions must be separated by newlines, not commas. An argument definition must end with a newline.");
    public static (string, string) BlockEquals => ("Invalid block definition", "The equals sign \"=\" indicates an argument definition, and must not be used when defining a block.");
    public static (string, string) BlockBraceOnNextLine => ("Invalid block definition", "A block definition must have block content delimited by \"{\" and \"}\", starting on the same line as the block header.");
    public static (string, string) BlockLabelOrBrace => ("Invalid block definition", "Either a quoted string block label or an opening brace (\"{\") is expected here.");
    public static (string, string) MissingNewlineAfterBlock => ("Missing newline after block definition", "A block definition must end with a newline.");
    public static (string, string) UnclosedBlock => ("Unclosed configuration block", "There is no closing brace for this block before the end of the file. This may be caused by incorrect brace nesting elsewhere in this file.");
    public static (string, string) SingleLineBlockArgumentRequired(string name) => ("Argument definition required", $"A single-line block definition can contain only a single argument. If you meant to define argument \"{name}\", use an equals sign to assign it a value. To define a nested block, place it on a line of its own within its parent block.");
    public static (string, string) SingleLineBlockEnd => ("Invalid single-argument block definition", "A single-line block definition must end with a closing brace immediately after its single argument.");
    public static (string, string) InvalidLabel => ("Invalid string literal", "Template sequences are not allowed in this string. To include a literal \"$\", double it (as \"$$\") to escape it.");

    public static (string, string) MissingExpressionAtEof => ("Missing expression", "Expected the start of an expression, but found the end of the file.");
    public static (string, string) InvalidExpression => ("Invalid expression", "Expected the start of an expression, but found an invalid expression token.");
    public static (string, string) UnbalancedParentheses => ("Unbalanced parentheses", "Expected a closing parenthesis to terminate the expression.");
    public static (string, string) MissingFalseExpression => ("Missing false expression in conditional", "The conditional operator (...?...:...) requires a false expression, delimited by a colon.");
    public static (string, string) ExpandNotLast => ("Missing closing parenthesis", "An expanded function argument (with ...) must be immediately followed by closing parentheses.");
    public static (string, string) MissingArgumentSeparator => ("Missing argument separator", "A comma is required to separate each function argument from the next.");
    public static (string, string) InvalidFunctionName => ("Invalid function name", "A provider function name must have the form provider::NAMESPACE::NAME.");
    public static (string, string) MissingItemSeparator => ("Missing item separator", "Expected a comma to mark the beginning of the next item.");
    public static (string, string) MissingAttributeValue => ("Missing attribute value", "Expected an attribute value, introduced by an equals sign (\"=\").");
    public static (string, string) MissingKeyValueSeparator => ("Missing key/value separator", "Expected an equals sign (\"=\") to mark the beginning of the attribute value.");
    public static (string, string) MissingAttributeSeparator => ("Missing attribute separator", "Expected a newline or comma to mark the beginning of the next attribute.");
    public static (string, string) MissingCloseBracket => ("Missing close bracket on index", "The index operator must end with a closing bracket (\"]\").");
    public static (string, string) MissingSplatCloseBracket => ("Missing close bracket on splat index", "The star for a full splat operator must be immediately followed by a closing bracket (\"]\").");
    public static (string, string) InvalidAttributeName => ("Invalid attribute name", "An attribute name is required after a dot.");
    public static (string, string) InvalidLegacyIndex => ("Invalid legacy index syntax", "When using the legacy index syntax, chaining two indexes together is not permitted. Use the proper index syntax instead, like [1][2].");
    public static (string, string) TooDeep(int limit) => ("Nesting too deep", $"This construct is nested more than {limit} levels deep, which is beyond what the parser supports.");

    public static (string, string) ForVariable => ("Invalid 'for' expression", "For expression requires variable name after 'for'.");
    public static (string, string) ForValueVariable => ("Invalid 'for' expression", "For expression requires value variable name after comma.");
    public static (string, string) ForIn => ("Invalid 'for' expression", "For expression requires the 'in' keyword after its name declarations.");
    public static (string, string) ForColon => ("Invalid 'for' expression", "For expression requires a colon after the collection expression.");
    public static (string, string) ForExtra => ("Invalid 'for' expression", "Extra characters after the end of the 'for' expression.");
    public static (string, string) ForTupleKey => ("Invalid 'for' expression", "Key expression is not valid when building a tuple.");
    public static (string, string) ForTupleGroup => ("Invalid 'for' expression", "Grouping ellipsis (...) cannot be used when building a tuple.");
    public static (string, string) ForObjectKey => ("Invalid 'for' expression", "Key expression is required when building an object.");

    public static (string, string) UnterminatedTemplate => ("Unterminated template string", "No closing marker was found for the string.");
    public static (string, string) InterpolationExtra => ("Extra characters after interpolation expression", "Expected a closing brace to end the interpolation expression, but found extra characters.");
    public static (string, string) UnclosedInterpolation => ("Unclosed template interpolation sequence", "There is no closing brace for this interpolation sequence before the end of the string.");
    public static (string, string) DirectiveKeyword => ("Invalid template directive", "A template directive keyword (\"if\", \"for\", etc) is expected at the beginning of a %{ sequence.");
    public static (string, string) DirectiveUnknown(string given) => ("Invalid template control keyword", $"\"{given}\" is not a valid template control keyword.");
    public static (string, string) DirectiveExtra => ("Extra characters in directive marker", "Expected a closing brace to end the sequence, but found extra characters.");
    public static (string, string) ForDirectiveVariable => ("Invalid 'for' directive", "For directive requires variable name after 'for'.");
    public static (string, string) ForDirectiveValueVariable => ("Invalid 'for' directive", "For directive requires value variable name after comma.");
    public static (string, string) ForDirectiveIn => ("Invalid 'for' directive", "For directive requires 'in' keyword after names.");
    public static (string, string) UnexpectedEndOfTemplate(string open) => ("Unexpected end of template", $"The {open} directive has no matching end directive.");
    public static (string, string) UnexpectedDirective(string keyword, string expected) => ($"Unexpected {keyword} directive", expected.Length == 0 ? $"Expected the start of a directive, not {keyword}." : $"Expected an {expected} directive.");

    public static (string, string) InvalidEscape(string symbol) => ("Invalid escape sequence", $"The symbol \"{symbol}\" is not a valid escape sequence selector.");
    public static (string, string) InvalidUnicodeEscape(int digits) => ("Invalid escape sequence", $"The \\{(digits == 4 ? 'u' : 'U')} escape sequence must be followed by {digits} hexadecimal digits naming a valid Unicode scalar value.");
    public static (string, string) InvalidNumber => ("Invalid number literal", "Failed to recognize the value of this number literal.");

    public static (string, string) JsonSyntax(string problem) => ("Invalid JSON syntax", problem);
    public static (string, string) JsonBlockShape(string kind) => ("Incorrect JSON value type", $"A JSON object is required here, to define {kind}.");
}
