// The grammar of ICP 0.1 (LANGUAGE.md sections 2, 3, 5 and 7).
//
// One combined grammar; ANTLR generates the lexer, the parser and a visitor
// (package icp_antlr). The AST is built by compiler/syntax/ast_builder.cpp,
// which also decodes and validates literals (E0002). Syntax errors are worded
// by compiler/syntax/error_strategy.cpp, which needs the token names below:
// keep them in sync when adding a token.
//
// Precedence (LANGUAGE.md section 5): see "Expressions" below. The operands
// of `between`, `within` and a trigger's `on` are `operand` (level 6 and
// above).
grammar ICP;

// ---------------------------------------------------------------------------
// Declarations

compilationUnit : decl* EOF ;

decl
  : importDecl
  | enumDecl
  | schemaDecl
  | constDecl
  | defDecl
  | profileDecl
  | testDecl
  ;

importDecl : K_IMPORT stringLit ;

// Members are separated by commas or line breaks (checked by the builder).
enumDecl   : K_ENUM IDENT LBRACE (enumMember COMMA?)* RBRACE ;
enumMember : IDENT (LPAREN stringLit (COMMA stringLit)* COMMA? RPAREN)? K_DEFAULT? ;

// Fields are separated by commas or line breaks (checked by the builder).
// A default is a literal, but any expression is read there so that the
// builder can say so, and the fields after it are still read.
schemaDecl  : K_SCHEMA IDENT LBRACE (schemaField COMMA?)* RBRACE ;
// `name: Type key` marks the schema's key (LANGUAGE.md 0.2, 11.1). `key` is
// not reserved: a name on the type's line is read there and the builder
// requires `key`; a name on the next line starts the next field (so a field
// missing its `:` is still a fresh start).
schemaField
  : IDENT COLON typeRef ({_input->LT(1)->getLine() == _input->LT(-1)->getLine()}? mark=IDENT)?
    (ASSIGN expr)? (K_FROM stringLit)?
  ;

// `set<string>` is the only type with a parameter; another name with one
// (`Set<string>`, `list<string>`) is read as well, for the checker's E0105.
typeRef
  : ((K_SET | IDENT) LT elem=typeRef GT | typeName) QUESTION?
  ;
typeName : K_INT | K_FLOAT | K_BOOL | K_STRING | K_DATE | K_DURATION | IDENT ;

constDecl : K_CONST IDENT ASSIGN expr ;

defDecl : K_DEF IDENT LPAREN (param (COMMA param)* COMMA?)? RPAREN COLON typeRef ASSIGN expr ;
param   : IDENT COLON typeRef ;

profileDecl : (K_PROFILE | K_PERSONA) IDENT K_ON IDENT LBRACE profileItem* RBRACE ;

profileItem
  : letItem
  | excludeItem
  | signalItem
  | triggerItem
  | tierItem
  | groupItem
  ;

letItem     : K_LET IDENT ASSIGN expr ;
excludeItem : K_EXCLUDE stringLit K_WHEN expr ;
signalItem  : K_SIGNAL stringLit K_WHEN expr ARROW expr ;
triggerItem
  : K_TRIGGER stringLit K_ON on=operand K_WITHIN window=operand (K_WHEN cond=expr)?
    ARROW points=expr (K_HALFLIFE halflife=operand)?
  ;
// `excluded` (a keyword) parses as a tier name so that the checker can say
// why it is not one (E0103, as for `out`).
tierItem    : K_TIER tierName K_WHEN expr ;
groupItem   : K_GROUP stringLit (K_CAP operand)? LBRACE groupMember* RBRACE ;
// A group holds no tier and no group: a `tier` in a group most likely means
// the group's `}` is missing, which is then reported (once) as such.
groupMember : letItem | excludeItem | signalItem | triggerItem ;

testDecl : K_TEST stringLit LBRACE testItem* RBRACE ;

testItem
  : (K_PROFILE | K_PERSONA) IDENT                                     # testProfile
  | K_AS_OF constValue                                                # testAsOf
  | K_GIVEN LBRACE (givenField (COMMA givenField)* COMMA?)? RBRACE    # testGiven
  | K_EXPECT expectation                                              # testExpect
  ;

givenField : IDENT COLON constValue ;

expectation
  : K_TIER cmpOp tierName                            # expectTier
  | K_SCORE cmpOp operand                            # expectScore
  | K_CONFIDENCE cmpOp operand                       # expectConfidence
  | K_POINTS stringLit cmpOp operand                 # expectPoints
  | K_NOT? K_FIRED stringLit                         # expectFired
  | K_NOT? K_UNKNOWN stringLit                       # expectUnknown
  | K_NOT? K_EXCLUDED_BY stringLit                   # expectExcludedBy
  | K_NOT? K_EXCLUDED                                # expectExcluded
  ;

tierName : IDENT | K_EXCLUDED ;

// A literal value: `given` fields, `as_of`. (Schema defaults are read as
// expressions and checked to be literals by the builder.)
constValue
  : (PLUS | MINUS)? literal                                    # constLiteral
  | K_MISSING                                                  # constMissing
  | IDENT (DOT IDENT)?                                         # constName
  | LBRACE (constValue (COMMA constValue)* COMMA?)? RBRACE     # constSet
  ;

// ---------------------------------------------------------------------------
// Expressions, lowest precedence first.
//
// Three rules instead of one rule per level: ANTLR makes a context object
// for every rule it enters, so a ten-rule chain cost ten objects per name or
// literal (most of the parser's time and memory). `logic` (levels 2-5) and
// `operand` (levels 6-10) use ANTLR's left-recursive precedence climbing:
// in each, the binary alternatives bind tighter the earlier they are listed,
// a prefix alternative (`not`, a sign) binds tighter than every binary one
// after it, and all of them associate to the left.

// level 1. `if` is not an alternative of `logic`, so that it cannot be the
// operand of `and`/`or` without parentheses (LANGUAGE.md section 5).
expr
  : K_IF cond=expr K_THEN then=expr K_ELSE otherwise=expr   # ifExpr
  | logic                                                   # plainExpr
  ;

// levels 2-5. Level 5 (comparisons and friends) is `operand cmpTail?`: at
// most one comparison, not a chain (`a == b == c` is a syntax error).
logic
  : operand cmpTail?      # cmpExpr     // level 5
  | K_NOT logic           # notOp       // level 4
  | logic K_AND logic     # andOp       // level 3
  | logic K_OR logic      # orOp        // level 2
  ;

cmpTail
  : cmpOp operand                                   # tailCompare
  | K_NOT? K_IN operand                             # tailIn
  | K_NOT? K_BETWEEN lo=operand K_AND hi=operand    # tailBetween
  | K_HAS (K_ANY | K_ALL)? operand                  # tailHas
  | K_MATCHES operand                               # tailMatches
  | K_WITHIN operand                                # tailWithin
  | K_IS K_NOT? (K_MISSING | K_PRESENT)             # tailIs
  ;

cmpOp : EQ | NE | LT | LE | GT | GE ;

// levels 6-10: the primaries (level 10), then sign, `*` `/`, `+` `-`, `??`.
operand
  : literal                                                  # litPrimary
  | IDENT LPAREN (expr (COMMA expr)* COMMA?)? RPAREN         # callPrimary
  | IDENT DOT IDENT                                          # qualifiedPrimary
  | IDENT                                                    # namePrimary
  | (K_SCORE | K_CONFIDENCE | K_AS_OF)                       # specialPrimary
  | K_MISSING                                                # missingPrimary
  | LPAREN expr RPAREN                                       # parenPrimary
  | LBRACE (expr (COMMA expr)* COMMA?)? RBRACE               # setPrimary
  | (MINUS | PLUS) operand                                   # signOp        // level 9
  | operand (STAR | SLASH) operand                           # mulOp         // level 8
  | operand (PLUS | MINUS) operand                           # addOp         // level 7
  | operand COALESCE operand                                 # coalesceOp    // level 6
  ;

literal
  : INT | FLOAT | MAGNITUDE | PERCENT | DATE | DURATION
  | STRING | RAW_STRING | K_TRUE | K_FALSE
  | BAD_NUMBER | BAD_DATE    // accepted here, reported by the builder (E0002)
  ;

stringLit : STRING | RAW_STRING ;

// ---------------------------------------------------------------------------
// Lexer

// Keywords (LANGUAGE.md section 2), reserved.
K_IMPORT      : 'import' ;
K_ENUM        : 'enum' ;
K_SCHEMA      : 'schema' ;
K_CONST       : 'const' ;
K_DEF         : 'def' ;
K_PROFILE     : 'profile' ;
K_PERSONA     : 'persona' ;
K_TEST        : 'test' ;
K_LET         : 'let' ;
K_EXCLUDE     : 'exclude' ;
K_SIGNAL      : 'signal' ;
K_TRIGGER     : 'trigger' ;
K_TIER        : 'tier' ;
K_GROUP       : 'group' ;
K_CAP         : 'cap' ;
K_WHEN        : 'when' ;
K_ON          : 'on' ;
K_WITHIN      : 'within' ;
K_HALFLIFE    : 'halflife' ;
K_FROM        : 'from' ;
K_IF          : 'if' ;
K_THEN        : 'then' ;
K_ELSE        : 'else' ;
K_AND         : 'and' ;
K_OR          : 'or' ;
K_NOT         : 'not' ;
K_IN          : 'in' ;
K_HAS         : 'has' ;
K_ANY         : 'any' ;
K_ALL         : 'all' ;
K_MATCHES     : 'matches' ;
K_IS          : 'is' ;
K_MISSING     : 'missing' ;
K_PRESENT     : 'present' ;
K_BETWEEN     : 'between' ;
K_TRUE        : 'true' ;
K_FALSE       : 'false' ;
K_INT         : 'int' ;
K_FLOAT       : 'float' ;
K_BOOL        : 'bool' ;
K_STRING      : 'string' ;
K_DATE        : 'date' ;
K_DURATION    : 'duration' ;
K_SET         : 'set' ;
K_AS_OF       : 'as_of' ;
K_GIVEN       : 'given' ;
K_EXPECT      : 'expect' ;
K_FIRED       : 'fired' ;
K_UNKNOWN     : 'unknown' ;
K_POINTS      : 'points' ;
K_EXCLUDED    : 'excluded' ;
K_EXCLUDED_BY : 'excluded_by' ;
K_SCORE       : 'score' ;
K_CONFIDENCE  : 'confidence' ;
K_DEFAULT     : 'default' ;

// Punctuation and operators.
ARROW    : '=>' ;
EQ       : '==' ;
NE       : '!=' ;
LE       : '<=' ;
GE       : '>=' ;
LT       : '<' ;
GT       : '>' ;
ASSIGN   : '=' ;
COALESCE : '??' ;
QUESTION : '?' ;
PLUS     : '+' ;
MINUS    : '-' ;
STAR     : '*' ;
SLASH    : '/' ;
LPAREN   : '(' ;
RPAREN   : ')' ;
LBRACE   : '{' ;
RBRACE   : '}' ;
COMMA    : ',' ;
COLON    : ':' ;
DOT      : '.' ;

// Literals. On equal lengths the rule listed first wins, so the BAD_ rules
// come after the good ones; on different lengths the longest match wins, so
// `90days` is one BAD_NUMBER rather than `90d` followed by `ays`.
DATE      : DIGIT DIGIT DIGIT DIGIT '-' DIGIT DIGIT '-' DIGIT DIGIT ;
DURATION  : DIGITS ('d' | 'w' | 'mo' | 'y') ;
PERCENT   : DIGITS ('.' DIGITS)? EXPONENT? '%' ;
MAGNITUDE : DIGITS ('.' DIGITS)? [kMB] ;
FLOAT     : DIGITS '.' DIGITS EXPONENT? | DIGITS EXPONENT ;
INT       : DIGITS ;

// A malformed date (`2026-11-1`) and a number run together with letters
// (`90days`, `3m`, `50Mb`, `1__0`): one token each, reported as E0002.
BAD_DATE   : DIGIT DIGIT DIGIT DIGIT '-' DIGIT+ '-' DIGIT+ [A-Za-z0-9_]* ;
BAD_NUMBER : DIGIT [0-9_]* ('.' [0-9_]+)? ([eE] [+-]? DIGIT+)? [A-Za-z_0-9]* ;

// Escapes are validated by the builder, so a bad one is one E0002 at the
// whole string.
STRING     : '"' ( '\\' ~[\r\n] | ~["\\\r\n] )* '"' ;
RAW_STRING : 'r"' ~["\r\n]* '"'
           | 'r#"' .*? '"#'
           ;
// A string without its closing quote runs to the end of the line.
UNTERMINATED_STRING
           : '"' ( '\\' ~[\r\n] | ~["\\\r\n] )* '\\'?
           | 'r"' ~["\r\n]*
           | 'r#"' ( ~["\r\n] | '"' ~["#\r\n] )*
           ;

IDENT : [A-Za-z_] [A-Za-z0-9_]* ;

// Comments are kept (hidden channel) for docs and the formatter.
LINE_COMMENT  : '//' ~[\r\n]* -> channel(HIDDEN) ;
BLOCK_COMMENT : '/*' .*? '*/' -> channel(HIDDEN) ;
UNTERMINATED_COMMENT : '/*' ( ~'*' | '*'+ ~[*/] )* '*'* EOF -> channel(HIDDEN) ;

WS : [ \t\r\n\f\u000B\uFEFF]+ -> skip ;

// Anything else: one token per character, reported by the parser.
ERROR_CHAR : . ;

fragment DIGIT    : [0-9] ;
fragment DIGITS   : DIGIT ('_'? DIGIT)* ;
fragment EXPONENT : [eE] [+-]? DIGIT+ ;
