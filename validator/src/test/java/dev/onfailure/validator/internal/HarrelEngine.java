package dev.onfailure.validator.internal;

import dev.harrel.jsonschema.FormatEvaluatorFactory;
import dev.harrel.jsonschema.SchemaResolver;
import dev.harrel.jsonschema.Validator;
import dev.harrel.jsonschema.ValidatorFactory;
import dev.harrel.jsonschema.providers.JacksonNode;
import dev.onfailure.schema.Profile;
import dev.onfailure.schema.SchemaCatalog;
import dev.onfailure.schema.Kind;
import java.util.List;
import java.util.stream.Collectors;

/** A second, independent draft 2020-12 implementation (dev.harrel:json-schema), for cross-checking verdicts. */
public final class HarrelEngine {

    private final Validator validator;

    public HarrelEngine() {
        SchemaResolver offline = uri -> SchemaCatalog.resourceForId(uri.replaceFirst("#.*$", ""))
                .map(r -> SchemaResolver.Result.fromString(SchemaCatalog.resourceText(r)))
                .orElse(SchemaResolver.Result.empty());
        validator = new ValidatorFactory()
                .withJsonNodeFactory(new JacksonNode.Factory())
                .withEvaluatorFactory(new FormatEvaluatorFactory())
                .withSchemaResolver(offline)
                .createValidator();
        for (String resource : SchemaCatalog.resources()) {
            validator.registerSchema(SchemaCatalog.resourceText(resource));
        }
    }

    /** Returns the failed keywords with their instance locations; empty when valid. */
    public List<String> validate(Kind kind, Profile profile, String json) {
        Validator.Result result = validator.validate(SchemaCatalog.id(kind, profile), json);
        return result.getErrors().stream()
                .map(e -> e.getKeyword() + " at " + e.getInstanceLocation() + ": " + e.getError())
                .collect(Collectors.toList());
    }
}
