package dev.junction.standard;

import dev.junction.element.Element;
import dev.junction.element.ElementClass;
import dev.junction.element.ElementDoc;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

/** CheckIPHeader2: CheckIPHeader that does not verify the header checksum unless asked to. */
@Component(service = Element.class, scope = ServiceScope.PROTOTYPE)
@ElementClass("CheckIPHeader2")
@ElementDoc(
        synopsis = "CheckIPHeader2([BADSRC, OFFSET, keywords INTERFACES, BADSRC, GOODDST, OFFSET, VERBOSE, DETAILS, CHECKSUM])",
        category = "ip",
        summary = "checks IP header, no checksum",
        description = """
                The same checks, annotations and outputs as CheckIPHeader, except that the header checksum \
                is not verified unless CHECKSUM true is given: for packets whose checksum a device already \
                checked, or that are known to be correct.""",
        arguments = {
            @ElementDoc.Argument(name = "INTERFACES", description = "As for CheckIPHeader."),
            @ElementDoc.Argument(name = "BADSRC", description = "As for CheckIPHeader."),
            @ElementDoc.Argument(name = "GOODDST", description = "As for CheckIPHeader."),
            @ElementDoc.Argument(name = "OFFSET", description = "Integer. Where the IP header starts. Default 0."),
            @ElementDoc.Argument(name = "VERBOSE", description = "Boolean. Report every failure. Default false."),
            @ElementDoc.Argument(name = "DETAILS", description = "Boolean. Count failures per reason. Default false."),
            @ElementDoc.Argument(name = "CHECKSUM", description = "Boolean. Verify the header checksum. Default false.")
        },
        handlers = {
            @ElementDoc.Handler(name = "drops", description = "Number of packets that failed the check."),
            @ElementDoc.Handler(name = "drop_details", description = """
                    Only with DETAILS true: one line per reason, the count, a tab and the reason text.""")
        },
        example = "... -> CheckIPHeader2(OFFSET 14) -> ...",
        seeAlso = {"CheckIPHeader", "MarkIPHeader"})
public final class CheckIPHeader2 extends CheckIPHeader {
    @Override
    boolean checksumByDefault() {
        return false;
    }
}
