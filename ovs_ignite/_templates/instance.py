# Compiled from templates/instance.j2: do not edit.
from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'instance.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_netns_unit = resolve('netns_unit')
    pass
    if (undefined(name='netns_unit') if l_0_netns_unit is missing else l_0_netns_unit):
        pass
        yield 'BindsTo='
        yield str((undefined(name='netns_unit') if l_0_netns_unit is missing else l_0_netns_unit))
        yield '\nAfter='
        yield str((undefined(name='netns_unit') if l_0_netns_unit is missing else l_0_netns_unit))
        yield '\n'

blocks = {}
debug_info = '1=12&4=15&5=17'