//! `string`: the character-class constants and `capwords`. (`string.Template` and
//! `string.Formatter` are not provided yet.)

use super::{def, new_module, set};
use crate::object::function::KwArgs;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

const WHITESPACE: &str = " \t\n\r\x0b\x0c";
const LOWER: &str = "abcdefghijklmnopqrstuvwxyz";
const UPPER: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
const DIGITS: &str = "0123456789";
const PUNCTUATION: &str = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

pub fn init(vm: &mut Vm) -> PyResult<Value> {
    let m = new_module(vm, "string");
    let letters = format!("{}{}", LOWER, UPPER);
    let printable = format!("{}{}{}{}", DIGITS, letters, PUNCTUATION, WHITESPACE);
    let consts: [(&str, String); 9] = [
        ("whitespace", WHITESPACE.to_string()),
        ("ascii_lowercase", LOWER.to_string()),
        ("ascii_uppercase", UPPER.to_string()),
        ("ascii_letters", letters),
        ("digits", DIGITS.to_string()),
        ("hexdigits", format!("{}abcdefABCDEF", DIGITS)),
        ("octdigits", "01234567".to_string()),
        ("punctuation", PUNCTUATION.to_string()),
        ("printable", printable),
    ];
    for (name, value) in consts {
        let v = vm.intern(&value);
        set(vm, m, name, v);
    }
    def(vm, m, "capwords", capwords);
    Ok(m)
}

/// `capwords(s, sep=None)`: `(sep or ' ').join(w.capitalize() for w in s.split(sep))`.
fn capwords(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let mut s = args.first().copied().unwrap_or(Value::NULL);
    let mut sep = args.get(1).copied().unwrap_or(Value::NULL);
    if args.len() > 2 {
        return Err(vm.type_error(format!("capwords() takes from 1 to 2 positional arguments but {} were given", args.len())));
    }
    for &(k, v) in kw {
        let slot = match vm.str_of(k) {
            Some("s") => &mut s,
            Some("sep") => &mut sep,
            other => {
                let ks = other.unwrap_or("").to_string();
                return Err(vm.type_error(format!("capwords() got an unexpected keyword argument '{}'", ks)));
            }
        };
        if !slot.is_null() {
            let ks = vm.str_of(k).unwrap_or("").to_string();
            return Err(vm.type_error(format!("capwords() got multiple values for argument '{}'", ks)));
        }
        *slot = v;
    }
    if s.is_null() {
        return Err(vm.type_error("capwords() missing 1 required positional argument: 's'"));
    }
    let sep = if sep.is_null() { Value::NONE } else { sep };
    let split = vm.get_attr_str(s, "split")?;
    let words = vm.call(split, &[sep], &[])?;
    let items = vm.collect_iterable(words)?;
    let mut caps = Vec::with_capacity(items.len());
    for w in items {
        let cap = vm.get_attr_str(w, "capitalize")?;
        caps.push(vm.call(cap, &[], &[])?);
    }
    let joiner = if vm.truthy(sep)? { sep } else { vm.intern(" ") };
    let list = vm.new_list(caps);
    let join = vm.get_attr_str(joiner, "join")?;
    vm.call(join, &[list], &[])
}
