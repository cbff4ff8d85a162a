/**
 * The thidua rules library. It exports {@code org.thidua.core}: what embedders call and get back
 * ({@code RuleLibrary}, {@code RuleSet}, {@code EvaluationRequest}, results, problems) and the fact vocabulary that
 * campaign DRL imports (the types the safety gate allows). How campaign files become a rule set, the safety gate
 * included ({@code org.thidua.core.compile}), and how contract v1 becomes facts ({@code org.thidua.core.read}) stay
 * inside. {@code org.thidua.core.json} offers contract v1 as a Jackson tree to applications that hold one.
 */
module org.thidua.core {
    requires transitive com.fasterxml.jackson.databind; // org.thidua.core.json shows its JsonNode
    requires org.yaml.snakeyaml;
    requires java.xml; // the criteria sheet: XLSX and ODS are zips of XML, read with StAX
    requires org.kie.api;
    requires org.kie.internal.api; // KnowledgeBuilder: DRL compiled without a KieContainer (compile.DrlCompiler)
    requires org.drools.base;
    requires org.drools.core;
    requires org.drools.drl.ast;
    requires org.drools.drl.parser;
    requires org.drools.kiesession;
    requires org.objectweb.asm;
    requires org.objectweb.asm.tree;
    requires org.objectweb.asm.tree.analysis;

    exports org.thidua.core;
    exports org.thidua.core.json;
}
